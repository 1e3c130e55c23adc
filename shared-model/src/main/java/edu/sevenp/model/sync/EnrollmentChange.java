package edu.sevenp.model.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The learner enrolled in, dropped out of, or rejoined a course (enrollments, upsert by (user, course)).
 * Only {@code active} and {@code dropped} are the learner's to set: progress and completion are rolled
 * up by the server from lesson progress, and a completed enrollment stays completed. Between two devices
 * the later {@code changedAt} wins.
 *
 * @param id the enrollment's id on this device; two devices may make different ids for one (user, course)
 */
public record EnrollmentChange(
        UUID id,
        UserId userId,
        CourseId courseId,
        EnrollmentStatus status,
        OffsetDateTime enrolledAt,
        OffsetDateTime changedAt) implements LearnerChange {

    public EnrollmentChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (status != EnrollmentStatus.ACTIVE && status != EnrollmentStatus.DROPPED) {
            throw new IllegalArgumentException("a learner sets an enrollment active or dropped, not " + status.code());
        }
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.ENROLLMENTS;
    }

    @Override
    public UUID entityId() {
        return id;
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.UPSERT;
    }
}
