package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A resource of a course or lesson (course_resources).
 *
 * @param fileUrl {@code media:<sha256>} for a stored file, or an {@code https://} address
 */
public record ResourceRow(
        UUID id,
        UUID courseId,
        UUID lessonId,
        UUID mediaFileId,
        String title,
        String description,
        String fileUrl,
        String fileType,
        Long fileSize,
        int downloadCount,
        boolean isDownloadable,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
