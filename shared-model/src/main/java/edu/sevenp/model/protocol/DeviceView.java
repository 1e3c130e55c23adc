package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of the account's devices ({@code GET /devices}).
 *
 * @param current whether the request came from this device
 */
public record DeviceView(UUID id, String name, String platform, String appVersion, OffsetDateTime registeredAt,
        OffsetDateTime lastSeenAt, OffsetDateTime revokedAt, boolean current) {
}
