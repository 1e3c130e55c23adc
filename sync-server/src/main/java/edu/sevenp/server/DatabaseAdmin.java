package edu.sevenp.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL administrator that {@code --prepare-database} logs in as, read from libpq's own variables so that
 * an operator types what psql would take: {@code PGUSER} (default {@code postgres}), {@code PGPASSWORD},
 * {@code PGDATABASE} (where to connect, default {@code postgres}), and {@code PGHOST}/{@code PGPORT} when the
 * administrator must reach the cluster by another way than {@code SEVENP_DB_URL} (a pooler in front of it).
 */
public record DatabaseAdmin(String user, String password, String maintenanceDatabase, Optional<String> host,
        Optional<Integer> port) {

    public DatabaseAdmin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (host.isPresent() && host.get().startsWith("/")) {
            // JDBC speaks TCP only; libpq's socket directories mean nothing to it.
            throw new IllegalArgumentException("PGHOST names a socket directory (" + host.get() + "); --prepare-database"
                    + " connects over TCP: set PGHOST to a host name, such as localhost");
        }
    }

    public static DatabaseAdmin from(Map<String, String> environment) {
        return new DatabaseAdmin(
                value(environment, "PGUSER").orElse("postgres"),
                value(environment, "PGPASSWORD").orElse(""),
                value(environment, "PGDATABASE").orElse("postgres"),
                value(environment, "PGHOST"),
                value(environment, "PGPORT").map(DatabaseAdmin::parsePort));
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("PGPORT must be between 1 and 65535, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PGPORT must be a port number, was '" + text + "'", e);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseAdmin[user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + ", maintenanceDatabase="
                + maintenanceDatabase + ", host=" + host.orElse("(from SEVENP_DB_URL)") + ", port="
                + port.map(String::valueOf).orElse("(from SEVENP_DB_URL)") + "]";
    }
}
