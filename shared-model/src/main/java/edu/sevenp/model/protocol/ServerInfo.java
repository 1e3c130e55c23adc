package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;

/**
 * {@code GET /api/info}: what a client needs to know before it speaks.
 *
 * @param registration {@code open} or {@code closed}
 */
public record ServerInfo(String name, VersionRange protocol, String registration, OffsetDateTime serverTime) {
}
