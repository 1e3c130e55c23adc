package edu.sevenp.server;

import java.util.Objects;

/**
 * An optional streaming read replica (a hot standby of the primary) for pulls and catalog reads
 * (docs/operations.md, "Scale-out"). It is a physical copy, so its roles are the primary's: {@code user} is the
 * request role (or another role that is neither superuser nor BYPASSRLS), and row-level security applies there
 * as on the primary.
 */
public record ReplicaConfig(String url, String user, String password) {

    public ReplicaConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("SEVENP_DB_REPLICA_URL must be a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:port/db), was '" + DatabaseConfig.redact(url) + "'");
        }
        if (DatabaseConfig.hasCredentials(url)) {
            throw new IllegalArgumentException("SEVENP_DB_REPLICA_URL must not contain a user or password ('"
                    + DatabaseConfig.redact(url) + "'); set SEVENP_DB_REPLICA_USER and SEVENP_DB_REPLICA_PASSWORD");
        }
        if (!DatabaseConfig.isPlainRole(user)) {
            throw new IllegalArgumentException("SEVENP_DB_REPLICA_USER must be a plain lower-case name (letters, digits"
                    + " and _), was '" + user + "'");
        }
        password = password == null ? "" : password;
    }

    /** The URL for logs and messages, a password written into it masked. */
    public String redactedUrl() {
        return DatabaseConfig.redact(url);
    }

    /** Never prints the password: configuration is logged at start-up. */
    @Override
    public String toString() {
        return "ReplicaConfig[url=" + redactedUrl() + ", user=" + user + "]";
    }
}
