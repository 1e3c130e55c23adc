package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A course category (course_categories).
 */
public record CategoryRow(
        UUID id,
        String name,
        String slug,
        String description,
        UUID parentId,
        String iconUrl,
        String color,
        int sortOrder,
        boolean isActive,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
