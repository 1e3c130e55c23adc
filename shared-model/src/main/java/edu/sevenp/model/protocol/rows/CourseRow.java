package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A course (courses), with the version of its published package.
 *
 * @param packageVersion the author's version of the published package, such as {@code 1.2.0}
 * @param versionNumber the server's version number of the published package (content_versions)
 */
public record CourseRow(
        UUID id,
        String title,
        String slug,
        String shortDescription,
        String description,
        UUID instructorId,
        UUID categoryId,
        BigDecimal price,
        BigDecimal originalPrice,
        String currency,
        String difficulty,
        String language,
        BigDecimal durationHours,
        String status,
        boolean isFeatured,
        boolean isFree,
        String thumbnailUrl,
        String previewVideoUrl,
        String metaTitle,
        String metaDescription,
        JsonNode learningObjectives,
        JsonNode requirements,
        JsonNode targetAudience,
        int enrollmentCount,
        BigDecimal averageRating,
        int reviewCount,
        BigDecimal completionRate,
        OffsetDateTime publishedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String packageVersion,
        Integer versionNumber) implements SyncRow {
}
