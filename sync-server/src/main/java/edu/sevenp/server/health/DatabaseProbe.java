package edu.sevenp.server.health;

/** Asks the database for its version, through the same role requests use. */
public interface DatabaseProbe {

    /** The server's version string, for example {@code PostgreSQL 15.15}; throws when it cannot be reached. */
    String serverVersion();
}
