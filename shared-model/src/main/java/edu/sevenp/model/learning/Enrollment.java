package edu.sevenp.model.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A learner's enrollment in a course (enrollments). {@code progress} and the move to completed are
 * derived from the learner's lesson progress by the roll-up rule (the server's V12 trigger, mirrored on
 * the device); a learner only ever enrolls, drops out or rejoins.
 *
 * @param progress completed lessons out of the course's lessons, in percent; 100.00 only when every lesson is completed
 * @param lastAccessedAt the latest time the learner studied in the course, by the device's clock; null until then
 */
public record Enrollment(
        UserId userId,
        CourseId courseId,
        EnrollmentStatus status,
        BigDecimal progress,
        OffsetDateTime enrolledAt,
        OffsetDateTime completedAt,
        OffsetDateTime lastAccessedAt) {

    public Enrollment {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        progress = LessonProgress.Percent.of(progress, "progress");
        if (status == EnrollmentStatus.COMPLETED && completedAt == null) {
            throw new IllegalArgumentException("a completed enrollment has a completion time");
        }
    }

    public boolean completed() {
        return status == EnrollmentStatus.COMPLETED;
    }
}
