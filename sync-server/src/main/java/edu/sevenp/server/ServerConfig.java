package edu.sevenp.server;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.model.platform.UserDataDirectory;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How the server runs: its port, either an external PostgreSQL or the embedded one kept in
 * {@code dataDirectory}, its housekeeping, and its {@link ServerOptions}. Read from an optional
 * configuration file, the environment ({@code SEVENP_*}, which wins over the file) and the command line
 * (which wins over both).
 *
 * @param port 0 picks a free port (tests)
 */
public record ServerConfig(int port, Optional<DatabaseConfig> database, Path dataDirectory,
        MaintenanceSchedule maintenance, ServerOptions options) {

    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    public ServerConfig(int port, Optional<DatabaseConfig> database, Path dataDirectory) {
        this(port, database, dataDirectory, MaintenanceSchedule.DEFAULT, ServerOptions.DEFAULT);
    }

    public ServerConfig(int port, Optional<DatabaseConfig> database, Path dataDirectory, MaintenanceSchedule maintenance) {
        this(port, database, dataDirectory, maintenance, ServerOptions.DEFAULT);
    }

    public ServerConfig withOptions(ServerOptions newOptions) {
        return new ServerConfig(port, database, dataDirectory, maintenance, newOptions);
    }

    /**
     * Reads the settings of docs/operations.md: from {@code --config FILE} (or {@code SEVENP_CONFIG_FILE}), a
     * properties file with the environment's names, then the environment, then {@code --port N},
     * {@code --data-dir PATH} and {@code --config FILE}.
     */
    public static ServerConfig from(Map<String, String> environment, List<String> arguments) {
        Integer portArgument = null;
        Path dataDirectoryArgument = null;
        Path configFile = value(environment, "SEVENP_CONFIG_FILE").map(Path::of).orElse(null);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--port" -> portArgument = parsePort(argumentValue(arguments, ++i, argument), "--port");
                case "--data-dir" -> dataDirectoryArgument = Path.of(argumentValue(arguments, ++i, argument));
                case "--config" -> configFile = Path.of(argumentValue(arguments, ++i, argument));
                default -> throw new IllegalArgumentException("unknown option '" + argument
                        + "'; the server accepts --port N, --data-dir PATH and --config FILE (and --grant-role ROLE EMAIL, --prepare-database)");
            }
        }
        Map<String, String> settings = new HashMap<>(configFile == null ? Map.of() : readConfigFile(configFile));
        environment.forEach((name, text) -> {
            if (name.startsWith("SEVENP_") && text != null && !text.isBlank()) {
                settings.put(name, text);
            }
        });

        int port = portArgument != null ? portArgument
                : parsePort(value(settings, "SEVENP_PORT").orElse(Integer.toString(DEFAULT_PORT)), "SEVENP_PORT");
        Path dataDirectory = dataDirectoryArgument != null ? dataDirectoryArgument
                : value(settings, "SEVENP_SERVER_DATA_DIR").map(Path::of)
                        .orElseGet(() -> UserDataDirectory.forApplication("sevenp-server"));
        Optional<DatabaseConfig> database = value(settings, "SEVENP_DB_URL").map(url -> new DatabaseConfig(
                url,
                value(settings, "SEVENP_DB_USER").orElseThrow(() ->
                        new IllegalArgumentException("SEVENP_DB_URL is set, so SEVENP_DB_USER must name the schema owner")),
                value(settings, "SEVENP_DB_PASSWORD").orElse(""),
                value(settings, "SEVENP_DB_REQUEST_USER").orElse(Migrations.DEFAULT_REQUEST_ROLE),
                value(settings, "SEVENP_DB_REQUEST_PASSWORD").orElse(""))).map(primary -> withReplica(primary, settings));
        if (database.isEmpty() && value(settings, "SEVENP_DB_REPLICA_URL").isPresent()) {
            throw new IllegalArgumentException("SEVENP_DB_REPLICA_URL needs SEVENP_DB_URL: a read replica is a copy of an"
                    + " external PostgreSQL, never of the embedded one");
        }
        int refreshMinutes = parsePositive(value(settings, "SEVENP_STATS_REFRESH_MINUTES").orElse("15"),
                "SEVENP_STATS_REFRESH_MINUTES");
        MaintenanceSchedule maintenance = new MaintenanceSchedule(Duration.ofMinutes(refreshMinutes),
                MaintenanceSchedule.DEFAULT.partitionCheck(), MaintenanceSchedule.DEFAULT.monthsAhead(),
                MaintenanceSchedule.DEFAULT.retainMonths());
        ServerOptions defaults = ServerOptions.DEFAULT;
        ServerOptions options = new ServerOptions(
                value(settings, "SEVENP_HOST").orElse(defaults.host()),
                value(settings, "SEVENP_TOKEN_SECRET"),
                parseChoice(value(settings, "SEVENP_REGISTRATION").orElse("open"), "SEVENP_REGISTRATION", "open", "closed")
                        .equals("open"),
                parseChoice(value(settings, "SEVENP_TRUST_PROXY").orElse("false"), "SEVENP_TRUST_PROXY", "true", "false")
                        .equals("true"),
                parsePositive(value(settings, "SEVENP_PASSWORD_MEMORY_KIB").orElse(Integer.toString(defaults.passwordMemoryKib())),
                        "SEVENP_PASSWORD_MEMORY_KIB"),
                parsePositive(value(settings, "SEVENP_PASSWORD_ITERATIONS").orElse(Integer.toString(defaults.passwordIterations())),
                        "SEVENP_PASSWORD_ITERATIONS"),
                Duration.ofDays(parsePositive(value(settings, "SEVENP_TOMBSTONE_HORIZON_DAYS")
                        .orElse(Long.toString(defaults.tombstoneHorizon().toDays())), "SEVENP_TOMBSTONE_HORIZON_DAYS")),
                parsePositive(value(settings, "SEVENP_MAX_PACKAGE_MB")
                        .orElse(Long.toString(defaults.maxPackageBytes() / (1024 * 1024))), "SEVENP_MAX_PACKAGE_MB") * 1024L * 1024);
        return new ServerConfig(port, database, dataDirectory, maintenance, options);
    }

    /** The read replica of SEVENP_DB_REPLICA_URL; its role and password default to the request role's. */
    private static DatabaseConfig withReplica(DatabaseConfig primary, Map<String, String> settings) {
        return value(settings, "SEVENP_DB_REPLICA_URL").map(url -> primary.withReplica(new ReplicaConfig(url,
                value(settings, "SEVENP_DB_REPLICA_USER").orElse(primary.requestUser()),
                value(settings, "SEVENP_DB_REPLICA_PASSWORD").orElse(primary.requestPassword())))).orElse(primary);
    }

    /** Folder of the embedded PostgreSQL cluster when no external database is configured. */
    public Path embeddedDatabaseDirectory() {
        return dataDirectory.resolve("pg");
    }

    /** Folder of stored media files (content-addressed). */
    public Path mediaDirectory() {
        return dataDirectory.resolve("media");
    }

    private static Map<String, String> readConfigFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + " ("
                    + FileProblems.reason(e) + ")", e);
        }
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("SEVENP_")) {
                throw new IllegalArgumentException("the configuration file " + file + " names '" + name
                        + "'; every setting starts with SEVENP_");
            }
            values.put(name, properties.getProperty(name).strip());
        }
        return values;
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

    private static String parseChoice(String text, String source, String... choices) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException(source + " must be " + String.join(" or ", choices) + ", was '" + text + "'");
    }

    private static Optional<String> value(Map<String, String> settings, String name) {
        return Optional.ofNullable(settings.get(name)).filter(text -> !text.isBlank());
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
