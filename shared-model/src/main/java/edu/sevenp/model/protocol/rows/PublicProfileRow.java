package edu.sevenp.model.protocol.rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public profile of a course's instructor (users): never e-mail or anything private.
 */
public record PublicProfileRow(
        UUID id,
        String name,
        String bio,
        String avatarUrl,
        OffsetDateTime updatedAt) implements SyncRow {
}
