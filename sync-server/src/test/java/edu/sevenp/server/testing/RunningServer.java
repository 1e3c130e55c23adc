package edu.sevenp.server.testing;

import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.ReplicaConfig;
import edu.sevenp.server.ServerConfig;
import edu.sevenp.server.ServerOptions;
import edu.sevenp.server.SyncServer;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real server on a loopback port over a test class's own database, with a cheap password hash (the
 * production cost is 175 ms a hash) and a data folder of its own, removed on close.
 */
public final class RunningServer implements AutoCloseable {

    /** argon2id at 1 MiB and one pass: the algorithm production uses, at a cost tests can afford. */
    public static final ServerOptions TEST_OPTIONS = new ServerOptions("127.0.0.1", Optional.empty(), true, false, 1024, 1,
            Duration.ofDays(30), 64L * 1024 * 1024);

    private final SyncServer server;
    private final Path dataDirectory;
    private final TestDatabase database;

    private RunningServer(SyncServer server, Path dataDirectory, TestDatabase database) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.database = database;
    }

    public static RunningServer start(TestDatabase database) {
        return start(database, TEST_OPTIONS, Clock.systemUTC());
    }

    public static RunningServer start(TestDatabase database, ServerOptions options, Clock clock) {
        return start(database, options, clock, Optional.empty());
    }

    /** Over {@code database}, reading pulls and the catalog from its hot standby when the standby has caught up. */
    public static RunningServer withReplica(TestDatabase database, HotStandby standby) {
        return withReplica(database, standby, TEST_OPTIONS);
    }

    /** As {@link #withReplica(TestDatabase, HotStandby)}, with these options (one token secret for several instances). */
    public static RunningServer withReplica(TestDatabase database, HotStandby standby, ServerOptions options) {
        return start(database, options, Clock.systemUTC(), Optional.of(new ReplicaConfig(
                standby.jdbcUrl(database.name()), PostgresCluster.REQUEST_ROLE, database.cluster().rolePassword())));
    }

    /** Over {@code database} with {@code replica} as its read replica, whatever that names. */
    public static RunningServer withReplica(TestDatabase database, ReplicaConfig replica) {
        return start(database, TEST_OPTIONS, Clock.systemUTC(), Optional.of(replica));
    }

    private static RunningServer start(TestDatabase database, ServerOptions options, Clock clock,
            Optional<ReplicaConfig> replica) {
        try {
            Path dataDirectory = Files.createTempDirectory("sevenp-server-");
            DatabaseConfig databaseConfig = new DatabaseConfig(database.jdbcUrl(), PostgresCluster.OWNER_ROLE,
                    database.cluster().rolePassword(), PostgresCluster.REQUEST_ROLE, database.cluster().rolePassword(),
                    replica);
            ServerConfig config = new ServerConfig(0, Optional.of(databaseConfig), dataDirectory,
                    MaintenanceSchedule.DEFAULT, options);
            try {
                return new RunningServer(SyncServer.start(config, clock), dataDirectory, database);
            } catch (RuntimeException e) {
                delete(dataDirectory);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public SyncServer server() {
        return server;
    }

    public TestDatabase database() {
        return database;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            delete(dataDirectory);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
