package edu.sevenp.migrations;

/** The two databases the project migrates: the server's authoritative PostgreSQL and the client's H2 mirror. */
public enum Target {
    POSTGRESQL("db/migration/postgresql"),
    H2("db/migration/h2");

    private final String location;

    Target(String location) {
        this.location = location;
    }

    /** Classpath folder holding this target's Flyway scripts. */
    public String location() {
        return location;
    }
}
