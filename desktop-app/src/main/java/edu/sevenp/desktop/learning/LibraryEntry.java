package edu.sevenp.desktop.learning;

import edu.sevenp.model.Course;
import edu.sevenp.model.learning.Enrollment;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A course in the library with the learner's enrollment in it, if any. */
public record LibraryEntry(Course course, Optional<Enrollment> enrollment) {

    public LibraryEntry {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(enrollment, "enrollment");
    }

    /** The course's progress in percent: the enrollment's, 0.00 when not enrolled. */
    public BigDecimal progress() {
        return enrollment.map(Enrollment::progress).orElse(new BigDecimal("0.00"));
    }
}
