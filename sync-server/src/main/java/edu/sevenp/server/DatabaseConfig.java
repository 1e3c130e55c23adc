package edu.sevenp.server;

import java.util.Objects;

/**
 * Connection settings for an external PostgreSQL. {@code user} owns the schema and runs the
 * migrations; requests log in as {@code requestUser}, the request role, which is neither superuser,
 * owner nor BYPASSRLS, so that row-level security applies to every request.
 */
public record DatabaseConfig(String url, String user, String password, String requestUser, String requestPassword) {

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requestUser, "requestUser");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("SEVENP_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
                    + url + "'");
        }
        if (requestUser.equals(user)) {
            throw new IllegalArgumentException("SEVENP_DB_REQUEST_USER must not be the schema owner (" + user
                    + "): row-level security does not bind the owner's requests");
        }
        password = password == null ? "" : password;
        requestPassword = requestPassword == null ? "" : requestPassword;
    }

    /** Never prints the passwords: configuration is logged at start-up. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", requestUser=" + requestUser + "]";
    }
}
