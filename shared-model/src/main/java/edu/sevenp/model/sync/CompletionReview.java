package edu.sevenp.model.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The learner's rating and review of a course they completed (course_completions, upsert of rating,
 * review and would_recommend only). The completion itself is made by the server's roll-up, with the
 * server's own id, so the server finds it by (user, course); the later {@code reviewedAt} wins.
 *
 * @param completionId the completion's id on this device
 * @param rating 1 to 5, or null to withdraw the rating
 */
public record CompletionReview(
        UUID completionId,
        UserId userId,
        CourseId courseId,
        Integer rating,
        String review,
        Boolean wouldRecommend,
        OffsetDateTime reviewedAt) implements LearnerChange {

    public CompletionReview {
        Objects.requireNonNull(completionId, "completionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be between 1 and 5, was " + rating);
        }
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.COURSE_COMPLETIONS;
    }

    @Override
    public UUID entityId() {
        return completionId;
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.UPSERT;
    }
}
