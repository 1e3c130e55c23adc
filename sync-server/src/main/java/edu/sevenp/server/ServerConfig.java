package edu.sevenp.server;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.model.platform.UserDataDirectory;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server runs: its port, and either an external PostgreSQL or the embedded one kept in
 * {@code dataDirectory}. Read from the environment ({@code SEVENP_*}) and the command line.
 *
 * @param port 0 picks a free port (tests)
 */
public record ServerConfig(int port, Optional<DatabaseConfig> database, Path dataDirectory,
        MaintenanceSchedule maintenance) {

    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(maintenance, "maintenance");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    public ServerConfig(int port, Optional<DatabaseConfig> database, Path dataDirectory) {
        this(port, database, dataDirectory, MaintenanceSchedule.DEFAULT);
    }

    /**
     * Reads {@code SEVENP_PORT}, {@code SEVENP_DB_URL}, {@code SEVENP_DB_USER}, {@code SEVENP_DB_PASSWORD},
     * {@code SEVENP_DB_REQUEST_USER}, {@code SEVENP_DB_REQUEST_PASSWORD}
     * {@code SEVENP_SERVER_DATA_DIR} and {@code SEVENP_STATS_REFRESH_MINUTES}; {@code --port N} and
     * {@code --data-dir PATH} override them.
     */
    public static ServerConfig from(Map<String, String> environment, List<String> arguments) {
        int port = parsePort(value(environment, "SEVENP_PORT").orElse(Integer.toString(DEFAULT_PORT)), "SEVENP_PORT");
        Path dataDirectory = value(environment, "SEVENP_SERVER_DATA_DIR").map(Path::of)
                .orElseGet(() -> UserDataDirectory.forApplication("sevenp-server"));
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--port" -> port = parsePort(argumentValue(arguments, ++i, argument), "--port");
                case "--data-dir" -> dataDirectory = Path.of(argumentValue(arguments, ++i, argument));
                default -> throw new IllegalArgumentException("unknown option '" + argument
                        + "'; the server accepts --port N and --data-dir PATH");
            }
        }
        Optional<DatabaseConfig> database = value(environment, "SEVENP_DB_URL").map(url -> new DatabaseConfig(
                url,
                value(environment, "SEVENP_DB_USER").orElseThrow(() ->
                        new IllegalArgumentException("SEVENP_DB_URL is set, so SEVENP_DB_USER must name the schema owner")),
                value(environment, "SEVENP_DB_PASSWORD").orElse(""),
                value(environment, "SEVENP_DB_REQUEST_USER").orElse(Migrations.DEFAULT_REQUEST_ROLE),
                value(environment, "SEVENP_DB_REQUEST_PASSWORD").orElse("")));
        int refreshMinutes = parsePositive(value(environment, "SEVENP_STATS_REFRESH_MINUTES").orElse("15"),
                "SEVENP_STATS_REFRESH_MINUTES");
        MaintenanceSchedule maintenance = new MaintenanceSchedule(Duration.ofMinutes(refreshMinutes),
                MaintenanceSchedule.DEFAULT.partitionCheck(), MaintenanceSchedule.DEFAULT.monthsAhead(),
                MaintenanceSchedule.DEFAULT.retainMonths());
        return new ServerConfig(port, database, dataDirectory, maintenance);
    }

    private static int parsePositive(String text, String source) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new IllegalArgumentException(source + " must be 1 or more, was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a whole number, was '" + text + "'", e);
        }
    }

    /** Folder of the embedded PostgreSQL cluster when no external database is configured. */
    public Path embeddedDatabaseDirectory() {
        return dataDirectory.resolve("pg");
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(text -> !text.isBlank());
    }

    private static String argumentValue(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index);
    }

    private static int parsePort(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(source + " must be between 0 and 65535, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number, was '" + text + "'", e);
        }
    }
}
