package edu.sevenp.server.health;

/** The database's own account of itself: the schema's {@code database_health_check()}. */
public interface DatabaseMonitor {

    /**
     * The JSON object database_health_check() returns (size, connections, slow queries, table and index use), as
     * the database wrote it; throws when the database cannot be reached.
     */
    String healthCheckJson();
}
