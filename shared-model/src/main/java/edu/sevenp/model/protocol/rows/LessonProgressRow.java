package edu.sevenp.model.protocol.rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner's progress in a lesson (lesson_progress).
 *
 * @param version the server's row version
 */
public record LessonProgressRow(
        UUID id,
        UUID userId,
        UUID lessonId,
        UUID courseId,
        String status,
        BigDecimal progressPercentage,
        int totalTimeSpent,
        int lastPosition,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        OffsetDateTime lastAccessedAt,
        int interactionCount,
        int notesCount,
        int bookmarksCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) implements SyncRow {
}
