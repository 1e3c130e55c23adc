package edu.sevenp.server.health;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /health} answers (docs/sync-protocol.md, section 13).
 *
 * @param status {@code ok}, or {@code unavailable} when the database cannot be reached
 * @param databaseVersion the PostgreSQL server's version as it reports it, null when unreachable
 * @param schemaVersion the newest migration applied at start-up
 * @param databaseMode {@code embedded} or {@code external}
 * @param database the schema's database_health_check(), at most 30 seconds old; null when unreachable
 * @param reads where pulls and catalog reads were served, when a read replica is configured; null otherwise
 */
public record HealthReport(String status, int protocolVersion, String databaseVersion, String schemaVersion,
        String databaseMode, JsonNode database, ReadCounts reads) {

    /** Without a read replica. */
    public HealthReport(String status, int protocolVersion, String databaseVersion, String schemaVersion,
            String databaseMode, JsonNode database) {
        this(status, protocolVersion, databaseVersion, schemaVersion, databaseMode, database, null);
    }

    public boolean healthy() {
        return "ok".equals(status);
    }
}
