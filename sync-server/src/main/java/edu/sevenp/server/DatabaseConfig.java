package edu.sevenp.server;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Connection settings for an external PostgreSQL. {@code user} owns the schema and runs the
 * migrations; requests log in as {@code requestUser}, the request role, which is neither superuser,
 * owner nor BYPASSRLS, so that row-level security applies to every request. {@code replica}, when present,
 * serves pulls and catalog reads (docs/operations.md, "Scale-out").
 */
public record DatabaseConfig(String url, String user, String password, String requestUser, String requestPassword,
        Optional<ReplicaConfig> replica) {

    private static final Pattern PLAIN_ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)[?&;](?:user|password)=|//[^/?]*@");

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requestUser, "requestUser");
        Objects.requireNonNull(replica, "replica");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("SEVENP_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
                    + redact(url) + "'");
        }
        if (hasCredentials(url)) {
            // The owner and the request role log in with the same URL: credentials in it would apply to both.
            throw new IllegalArgumentException("SEVENP_DB_URL must not contain a user or password ('" + redact(url)
                    + "'); set SEVENP_DB_USER, SEVENP_DB_PASSWORD, SEVENP_DB_REQUEST_USER and SEVENP_DB_REQUEST_PASSWORD");
        }
        if (!isPlainRole(requestUser)) {
            // The name goes into the migrations' GRANT statements (RoleNames).
            throw new IllegalArgumentException("SEVENP_DB_REQUEST_USER must be a plain lower-case name (letters, digits"
                    + " and _), was '" + requestUser + "'");
        }
        if (requestUser.equals(user)) {
            throw new IllegalArgumentException("SEVENP_DB_REQUEST_USER must not be the schema owner (" + user
                    + "): row-level security does not bind the owner's requests");
        }
        password = password == null ? "" : password;
        requestPassword = requestPassword == null ? "" : requestPassword;
    }

    /** Without a replica: every read on the primary. */
    public DatabaseConfig(String url, String user, String password, String requestUser, String requestPassword) {
        this(url, user, password, requestUser, requestPassword, Optional.empty());
    }

    public DatabaseConfig withReplica(ReplicaConfig newReplica) {
        return new DatabaseConfig(url, user, password, requestUser, requestPassword, Optional.of(newReplica));
    }

    /** The URL for logs and messages: a password written into it ({@code ?password=…}) is masked. */
    public String redactedUrl() {
        return redact(url);
    }

    static boolean hasCredentials(String url) {
        return URL_CREDENTIALS.matcher(url).find();
    }

    static boolean isPlainRole(String role) {
        return PLAIN_ROLE.matcher(role).matches();
    }

    static String redact(String url) {
        return URL_PASSWORD.matcher(URL_USER_INFO.matcher(url).replaceAll("$1***@")).replaceAll("$1***");
    }

    /** Never prints the passwords: configuration is logged at start-up. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + redactedUrl() + ", user=" + user + ", requestUser=" + requestUser
                + replica.map(r -> ", replica=" + r).orElse("") + "]";
    }
}
