package edu.sevenp.model.protocol.rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A completed course (course_completions), with the learner's review.
 *
 * @param version the server's row version
 */
public record CompletionRow(
        UUID id,
        UUID userId,
        UUID courseId,
        OffsetDateTime completedAt,
        BigDecimal completionPercentage,
        int totalTimeSpent,
        BigDecimal finalScore,
        boolean certificateIssued,
        String certificateUrl,
        Integer rating,
        String review,
        Boolean wouldRecommend,
        OffsetDateTime reviewedAt,
        OffsetDateTime updatedAt,
        long version) implements SyncRow {
}
