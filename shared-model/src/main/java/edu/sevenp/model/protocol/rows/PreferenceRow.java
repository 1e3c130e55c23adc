package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of the learner's preferences (user_preferences).
 *
 * @param version the server's row version
 */
public record PreferenceRow(
        UUID id,
        UUID userId,
        String category,
        String key,
        JsonNode value,
        OffsetDateTime updatedAt,
        long version) implements SyncRow {
}
