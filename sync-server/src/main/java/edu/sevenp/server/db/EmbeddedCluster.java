package edu.sevenp.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server's default database: real PostgreSQL 15 binaries (from Maven Central) running on a data
 * folder that survives restarts. Listens on the loopback interface only and trusts local
 * connections, which suits one machine; production points the server at a managed PostgreSQL.
 */
final class EmbeddedCluster implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedCluster(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static EmbeddedCluster start(Path directory) throws IOException {
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
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
