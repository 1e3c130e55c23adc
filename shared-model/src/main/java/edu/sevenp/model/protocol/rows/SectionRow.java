package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A section of a course (course_sections).
 */
public record SectionRow(
        UUID id,
        UUID courseId,
        String title,
        String description,
        int orderIndex,
        boolean isPreview,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
