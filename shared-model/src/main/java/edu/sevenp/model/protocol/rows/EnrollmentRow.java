package edu.sevenp.model.protocol.rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An enrollment (enrollments).
 *
 * @param version the server's row version
 */
public record EnrollmentRow(
        UUID id,
        UUID userId,
        UUID courseId,
        String status,
        OffsetDateTime enrolledAt,
        OffsetDateTime completedAt,
        BigDecimal progress,
        OffsetDateTime lastAccessedAt,
        OffsetDateTime statusChangedAt,
        OffsetDateTime updatedAt,
        long version) implements SyncRow {
}
