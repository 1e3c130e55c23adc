package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A media file of a course (media_files), downloaded by its {@code fileHash}.
 */
public record MediaFileRow(
        UUID id,
        UUID courseId,
        String filename,
        String originalFilename,
        String filePath,
        long fileSize,
        String mimeType,
        String fileHash,
        Integer width,
        Integer height,
        Integer duration,
        String visibility,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
