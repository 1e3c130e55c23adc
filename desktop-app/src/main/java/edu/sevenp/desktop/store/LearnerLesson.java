package edu.sevenp.desktop.store;

import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson as one learner has it: the lesson and its body, the learner's progress in it (not started
 * when never opened) and their enrollment in its course, read together in one query.
 */
public record LearnerLesson(Lesson lesson, LessonContent content, LessonProgress progress,
        Optional<Enrollment> enrollment) {

    public LearnerLesson {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(enrollment, "enrollment");
    }
}
