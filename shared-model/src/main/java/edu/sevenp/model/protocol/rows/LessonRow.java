package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lesson (course_lessons).
 *
 * @param contentFormat {@code markdown} or {@code html}
 * @param videoUrl {@code media:<sha256>} for a video the server stores
 */
public record LessonRow(
        UUID id,
        UUID courseId,
        UUID sectionId,
        String title,
        String slug,
        String content,
        String contentFormat,
        String contentType,
        String videoUrl,
        Integer videoDuration,
        JsonNode videoQuality,
        Integer readingTime,
        int orderIndex,
        boolean isPreview,
        boolean isDownloadable,
        JsonNode attachments,
        JsonNode externalLinks,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
