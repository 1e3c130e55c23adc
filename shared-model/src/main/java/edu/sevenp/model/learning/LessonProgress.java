package edu.sevenp.model.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A learner's progress in one lesson (lesson_progress).
 *
 * @param percentage how much of the lesson the learner got through, 0.00 to 100.00 (100 once completed)
 * @param lastPosition where to resume, in seconds of the lesson's video (or the reader's position)
 * @param totalTimeSpent seconds spent in the lesson, summed over every visit
 * @param startedAt null until the first visit
 * @param completedAt null until completed
 * @param lastAccessedAt null until the first visit
 */
public record LessonProgress(
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        ProgressStatus status,
        BigDecimal percentage,
        int lastPosition,
        int totalTimeSpent,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        OffsetDateTime lastAccessedAt) {

    public LessonProgress {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(status, "status");
        percentage = Percent.of(percentage, "percentage");
        if (lastPosition < 0 || totalTimeSpent < 0) {
            throw new IllegalArgumentException("lastPosition and totalTimeSpent must not be negative");
        }
        if (status == ProgressStatus.COMPLETED && completedAt == null) {
            throw new IllegalArgumentException("a completed lesson has a completion time");
        }
    }

    /** A lesson the learner has not opened yet. */
    public static LessonProgress notStarted(UserId userId, LessonId lessonId, CourseId courseId) {
        return new LessonProgress(userId, lessonId, courseId, ProgressStatus.NOT_STARTED, BigDecimal.ZERO, 0, 0, null, null,
                null);
    }

    public boolean completed() {
        return status == ProgressStatus.COMPLETED;
    }

    /** Percentages as the database keeps them: NUMERIC(5,2), so 50 and 50.00 are one value. */
    static final class Percent {
        private Percent() {
        }

        static BigDecimal of(BigDecimal value, String name) {
            Objects.requireNonNull(value, name);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(name + " must be between 0 and 100, was " + value);
            }
            return value.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
