package edu.sevenp.desktop.learning;

import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import java.util.Objects;
import java.util.Optional;

/**
 * What recording progress left behind: the lesson's progress, the learner's enrollment in its course
 * as the roll-up left it (empty when not enrolled), and whether this write completed the course.
 */
public record ProgressWrite(LessonProgress progress, Optional<Enrollment> enrollment, boolean completedCourse) {

    public ProgressWrite {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(enrollment, "enrollment");
    }
}
