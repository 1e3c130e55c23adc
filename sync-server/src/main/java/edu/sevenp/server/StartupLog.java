package edu.sevenp.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The start-up lines of the log, in the {@code key=value} form of the request lines: the effective configuration
 * (which setting won, docs/operations.md) and the moment the server is ready. Neither ever holds a password, the
 * token secret or a password written into the database URL.
 */
final class StartupLog {

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s\"\\\\]");

    private StartupLog() {
    }

    static String configuration(ServerConfig config) {
        ServerOptions options = config.options();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("port", config.port());
        values.put("host", options.host());
        values.put("dataDir", config.dataDirectory());
        config.database().ifPresentOrElse(database -> {
            values.put("database", "external");
            values.put("url", database.redactedUrl());
            values.put("owner", database.user());
            values.put("requestRole", database.requestUser());
            database.replica().ifPresent(replica -> {
                values.put("replica", replica.redactedUrl());
                values.put("replicaRole", replica.user());
            });
        }, () -> values.put("database", "embedded"));
        values.put("tokenSecret", options.tokenSecret().isPresent() ? "environment" : "data-folder");
        values.put("registration", options.registrationOpen() ? "open" : "closed");
        values.put("trustProxy", options.trustProxy());
        values.put("passwordMemoryKib", options.passwordMemoryKib());
        values.put("passwordIterations", options.passwordIterations());
        values.put("tombstoneHorizonDays", options.tombstoneHorizon().toDays());
        values.put("maxPackageMb", options.maxPackageBytes() / (1024 * 1024));
        values.put("statsRefreshMinutes", config.maintenance().statisticsRefresh().toMinutes());
        return line("configuration", values);
    }

    static String started(ServerConfig config, SyncServer server, Duration took) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", "http://" + config.options().host() + ":" + server.port());
        values.put("database", server.database().mode());
        values.put("location", server.database().location());
        values.put("schemaVersion", server.database().schemaVersion());
        values.put("migrationsApplied", server.database().appliedMigrationsAtStart());
        values.put("ms", took.toMillis());
        values.put("pid", ProcessHandle.current().pid());
        return line("started", values);
    }

    static String line(String event, Map<String, Object> values) {
        StringBuilder line = new StringBuilder(event);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(quoted(String.valueOf(value))));
        return line.toString();
    }

    /** Quotes a value with spaces (a data folder under "Application Support"), so that the line still splits. */
    static String quoted(String value) {
        if (!value.isEmpty() && !NEEDS_QUOTES.matcher(value).find()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
