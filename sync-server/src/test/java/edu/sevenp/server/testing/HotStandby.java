package edu.sevenp.server.testing;

import edu.sevenp.migrations.testing.PostgresCluster;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A hot standby of an embedded primary, streaming its WAL over loopback, made with PostgreSQL's low-level backup
 * (pg_backup_start, a copy of the data folder, pg_backup_stop; the embedded binaries bring no pg_basebackup) and
 * started with the same embedded binaries: nothing outside Maven Central, and it runs as root as the primary does.
 *
 * <p>The primary must run with {@link #PRIMARY_SETTINGS}; its cluster's {@code pg_hba.conf} (initdb's) trusts
 * replication connections from 127.0.0.1. A physical replication slot keeps the WAL the standby still needs.
 */
public final class HotStandby implements AutoCloseable {

    /**
     * What a primary needs for streaming replication, as docs/operations.md ("Scale-out") asks of production:
     * synchronous commits, and the WAL writer flushing every 10 ms.
     */
    public static final Map<String, String> PRIMARY_SETTINGS = Map.of("wal_level", "replica", "max_wal_senders", "4",
            "max_replication_slots", "4", "listen_addresses", "localhost", "synchronous_commit", "on",
            "full_page_writes", "on", "wal_writer_delay", "10ms");

    private static final String SLOT = "sevenp_test_standby";
    /** Left out of the copy, as the documentation of low-level backups says: the standby makes its own. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label");
    private static final List<String> EMPTIED = List.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final PostgresCluster primary;
    private final Path directory;
    private EmbeddedPostgres standby;

    private HotStandby(PostgresCluster primary, Path directory, EmbeddedPostgres standby) {
        this.primary = primary;
        this.directory = directory;
        this.standby = standby;
    }

    /** Copies the primary and starts the copy as its hot standby; returns once it accepts connections. */
    public static HotStandby of(PostgresCluster primary) {
        try (Connection superuser = primary.superuserDataSource("postgres").getConnection();
                Statement statement = superuser.createStatement()) {
            Path source = Path.of(text(statement, "SHOW data_directory"));
            String port = text(statement, "SHOW port");
            call(superuser, "SELECT pg_create_physical_replication_slot(?, true)", SLOT);
            Path copy = Files.createTempDirectory("sevenp-standby-");
            statement.execute("SELECT pg_backup_start('sevenp-test-standby', true)");
            copyDataFolder(source, copy);
            String label = text(statement, "SELECT labelfile FROM pg_backup_stop(false)");
            Files.writeString(copy.resolve("backup_label"), label);
            Files.writeString(copy.resolve("standby.signal"), "");
            Files.writeString(copy.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + port
                    + " user=postgres application_name=sevenp_test_standby'\nprimary_slot_name = '" + SLOT + "'\n",
                    StandardOpenOption.APPEND);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
            return new HotStandby(primary, copy, start(copy));
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a standby: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a standby", e);
        }
    }

    private static EmbeddedPostgres start(Path copy) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(copy).setCleanDataDirectory(false)
                .setServerConfig("hot_standby", "on").setServerConfig("listen_addresses", "localhost")
                // A query the replay would have to cancel waits instead: the server's reads are short.
                .setServerConfig("hot_standby_feedback", "on").start();
    }

    private static void copyDataFolder(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.getNameCount() == 0) {
                    continue;
                }
                boolean skipped = SKIPPED.contains(relative.toString())
                        || relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
                if (skipped) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (NoSuchFileException gone) {
                    // A file removed while copying (a temporary one): the WAL replay does not need it.
                }
            }
        }
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
    }

    private static void call(Connection connection, String sql, String argument) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            statement.execute();
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The standby's JDBC URL of {@code database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + standby.getPort() + "/" + database;
    }

    /** A non-pooled DataSource on the standby as the superuser (which bypasses row-level security). */
    public DataSource superuser(String database) {
        return dataSource(database, "postgres", "");
    }

    /** A non-pooled DataSource on the standby as the request role (row-level security applies). */
    public DataSource request(String database) {
        return dataSource(database, PostgresCluster.REQUEST_ROLE, primary.rolePassword());
    }

    private PGSimpleDataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Stops applying the primary's WAL (it still arrives): the standby falls behind. */
    public void pauseReplay() {
        execute("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        execute("SELECT pg_wal_replay_resume()");
    }

    private void execute(String sql) {
        try (Connection connection = superuser("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many bytes of WAL the standby had yet to replay: the primary's WAL position read first, the standby's
     * replay position right after (so a lag of 0 means it had replayed everything written before the call).
     */
    public long replayLagBytes() {
        long written = lsn(primary.superuserDataSource("postgres"), "SELECT pg_current_wal_lsn()::text");
        long replayed = lsn(superuser("postgres"), "SELECT pg_last_wal_replay_lsn()::text");
        return Math.max(0, written - replayed);
    }

    /** Waits until the standby has replayed everything the primary wrote before the call. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long written = lsn(primary.superuserDataSource("postgres"), "SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lsn(superuser("postgres"), "SELECT pg_last_wal_replay_lsn()::text") < written) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby did not catch up within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** A WAL position ({@code 0/3000B70}) as a number of bytes. */
    private static long lsn(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String[] parts = text(statement, sql).split("/");
            return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Stops the standby, as a crashed or unplugged replica (the files stay until {@link #close()}). */
    public void stop() {
        if (standby != null) {
            try {
                standby.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                standby = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try (Connection connection = primary.superuserDataSource("postgres").getConnection();
                    Statement statement = connection.createStatement()) {
                call(connection, "SELECT pg_drop_replication_slot(?)", SLOT);
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the standby's slot: " + e.getMessage(), e);
            } finally {
                try (Stream<Path> paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
