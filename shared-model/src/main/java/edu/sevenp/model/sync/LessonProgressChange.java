package edu.sevenp.model.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Progress recorded in a lesson (lesson_progress, upsert), merged by (user, lesson) monotonically:
 * completed stays completed, the percentage takes the furthest, the position the latest, and
 * {@code timeSpentDelta} is added to the stored total. Only the delta of this change travels, never the
 * device's total, so a change applied twice could double nothing but its own seconds, and the server's
 * (device, sequence) check stops that.
 *
 * @param id the progress row's id on this device; two devices may make different ids for one (user, lesson)
 * @param lastPosition where the learner was at {@code lastAccessedAt}, in seconds
 * @param timeSpentDelta seconds spent in the lesson since the previous change, 0 or more
 * @param lastAccessedAt the latest time the learner studied the lesson on this device (its clock)
 */
public record LessonProgressChange(
        UUID id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        ProgressStatus status,
        BigDecimal progressPercentage,
        int lastPosition,
        int timeSpentDelta,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        OffsetDateTime lastAccessedAt) implements LearnerChange {

    public LessonProgressChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progressPercentage, "progressPercentage");
        Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
        if (timeSpentDelta < 0 || lastPosition < 0) {
            throw new IllegalArgumentException("timeSpentDelta and lastPosition must not be negative");
        }
        if (status == ProgressStatus.COMPLETED && completedAt == null) {
            throw new IllegalArgumentException("a completed lesson has a completion time");
        }
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.LESSON_PROGRESS;
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
