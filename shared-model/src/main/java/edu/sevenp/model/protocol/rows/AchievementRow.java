package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An achievement the learner earned (user_achievements).
 */
public record AchievementRow(
        UUID id,
        UUID userId,
        String achievementCode,
        String title,
        String description,
        String iconUrl,
        UUID courseId,
        JsonNode metadata,
        OffsetDateTime earnedAt) implements SyncRow {
}
