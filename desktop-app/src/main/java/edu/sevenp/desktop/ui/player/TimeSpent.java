package edu.sevenp.desktop.ui.player;

import edu.sevenp.model.LessonId;
import java.util.Objects;

/** Whole seconds the learner spent on a lesson since the previous report: one delta for ProgressService. */
record TimeSpent(LessonId lesson, int seconds) {

    TimeSpent {
        Objects.requireNonNull(lesson, "lesson");
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative, was " + seconds);
        }
    }
}
