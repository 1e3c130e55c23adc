package edu.sevenp.desktop.ui.common;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import java.util.Objects;

/** A lesson together with its course: what a panel needs to load the learner's records about it. */
public record LessonRef(CourseId course, LessonId lesson) {

    public LessonRef {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(lesson, "lesson");
    }
}
