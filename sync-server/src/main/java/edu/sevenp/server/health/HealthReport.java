package edu.sevenp.server.health;

/**
 * What {@code GET /health} answers.
 *
 * @param status {@code ok}, or {@code unavailable} when the database cannot be reached
 * @param databaseVersion the PostgreSQL server's version as it reports it, null when unreachable
 * @param schemaVersion the newest migration applied at start-up
 * @param databaseMode {@code embedded} or {@code external}
 */
public record HealthReport(String status, int protocolVersion, String databaseVersion, String schemaVersion,
        String databaseMode) {

    public boolean healthy() {
        return "ok".equals(status);
    }
}
