package edu.sevenp.server;

import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings for an external PostgreSQL. {@code user} owns the schema and runs the
 * migrations. Requests go through {@code requestRole}: logged in directly when a request user is
 * given, otherwise by {@code SET ROLE} from the owner's connections.
 */
public record DatabaseConfig(String url, String user, String password, String requestRole,
        Optional<String> requestUser, Optional<String> requestPassword) {

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requestRole, "requestRole");
        Objects.requireNonNull(requestUser, "requestUser");
        Objects.requireNonNull(requestPassword, "requestPassword");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("SEVENP_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
                    + url + "'");
        }
        password = password == null ? "" : password;
    }

    /** Never prints the passwords: configuration is logged at start-up. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", requestRole=" + requestRole
                + ", requestUser=" + requestUser.orElse("(via SET ROLE)") + "]";
    }
}
