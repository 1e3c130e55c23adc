package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner's bookmark (user_bookmarks).
 *
 * @param editedAt when the learner last changed it, in server time
 * @param version the server's row version
 */
public record BookmarkRow(
        UUID id,
        UUID userId,
        UUID lessonId,
        UUID courseId,
        String title,
        Integer timestampInVideo,
        String notes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime editedAt,
        long version) implements SyncRow {
}
