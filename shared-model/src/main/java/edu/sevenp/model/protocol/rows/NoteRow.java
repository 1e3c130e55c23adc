package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner's note (user_notes).
 *
 * @param conflictOf for a conflict copy, the note whose concurrent edit this text lost to
 * @param editedAt when the learner wrote this text, in server time
 * @param version the server's row version
 */
public record NoteRow(
        UUID id,
        UUID userId,
        UUID lessonId,
        UUID courseId,
        String content,
        Integer timestampInVideo,
        boolean isPrivate,
        UUID conflictOf,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime editedAt,
        long version) implements SyncRow {
}
