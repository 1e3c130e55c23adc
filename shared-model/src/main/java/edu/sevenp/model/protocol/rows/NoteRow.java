package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner's note (user_notes).
 *
 * @param lessonId the note's lesson; null for a note from a lesson the course no longer has
 * @param conflictOf for a conflict copy, the note whose concurrent edit this text lost to
 * @param editedAt when the learner wrote this text, in server time
 * @param version the server's row version
 * @param removedLessonTitle for a note from a removed lesson, that lesson's title when it was removed; null otherwise
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
        long version,
        String removedLessonTitle) implements SyncRow {
}
