package edu.sevenp.server.db;

import edu.sevenp.server.DataFolderLock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server's default database: real PostgreSQL 15 binaries (from Maven Central) running on a data
 * folder that survives restarts. Listens on the loopback interface only and trusts local
 * connections, which suits one machine; production points the server at a managed PostgreSQL.
 */
final class EmbeddedCluster implements AutoCloseable {

    /** Crash recovery after an abrupt stop replays the WAL before PostgreSQL accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedCluster(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts the cluster, first stopping one a previous server left running on the folder.
     *
     * @param folderLock proof that this server holds the data folder, so that a postmaster running on it is an orphan
     */
    static EmbeddedCluster start(Path directory, DataFolderLock folderLock) throws IOException {
        if (!folderLock.isHeld() || !directory.startsWith(folderLock.folder())) {
            throw new IllegalStateException("the embedded cluster " + directory + " is not inside the locked data folder "
                    + folderLock.folder());
        }
        Files.createDirectories(directory);
        new OrphanedPostmaster(directory, SMART_SHUTDOWN_WAIT, KILL_WAIT).stopIfRunning();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // The library starts PostgreSQL with fsync off, which suits throw-away test clusters,
                // not data that must survive a power cut.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        return new EmbeddedCluster(postgres, directory);
    }

    DataSource dataSource(String database, String user) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {postgres.getPort()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setConnectTimeout(ServerDatabase.CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(ServerDatabase.CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }

    /** The URL the request pool uses; the pool sets its own timeouts. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
