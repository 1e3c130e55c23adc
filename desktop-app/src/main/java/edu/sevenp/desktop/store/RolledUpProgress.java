package edu.sevenp.desktop.store;

import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import java.util.Objects;
import java.util.Optional;

/**
 * What a progress write left behind, read in its transaction: the lesson's progress, the learner's
 * enrollment in its course as the roll-up left it (empty when not enrolled), and whether this write
 * completed the course.
 */
public record RolledUpProgress(LessonProgress progress, Optional<Enrollment> enrollment, boolean completedCourse) {

    public RolledUpProgress {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(enrollment, "enrollment");
    }
}
