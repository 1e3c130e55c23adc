package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.http.PortInUseException;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.ServerProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every start-up failure a new user meets ends as one line on standard error and an exit code of its own
 * (docs/operations.md, "Start-up failures"), with nothing left running.
 */
@PostgresTest
class ServerStartupFailuresIT {

    private static final Duration EXIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDirectory;

    private final TestDatabase database;

    ServerStartupFailuresIT(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aBadOptionIsOneLineAndExitCode2() throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of(), "--port", "eighty")) {
            assertThat(server.exitCode(EXIT_LIMIT)).isEqualTo(2);
            assertThat(server.stderrLines()).containsExactly("7P sync server: --port must be a port number, was 'eighty'"
                    + " (docs/operations.md, \"Configuration\")");
        }
    }

    @Test
    void aMissingOwnerRoleIsOneLineWithTheSqlThatCreatesIt() throws Exception {
        Map<String, String> environment = externalDatabase();
        environment.put("SEVENP_DB_USER", "no_such_owner");

        try (ServerProcess server = ServerProcess.start(environment, "--port", "0", "--data-dir", dataDirectory.toString())) {
            assertThat(server.exitCode(EXIT_LIMIT)).isEqualTo(3);
            assertThat(server.stderrLines()).singleElement().asString()
                    .startsWith("7P sync server: ")
                    .contains("'no_such_owner' (SEVENP_DB_USER)")
                    .endsWith("CREATE ROLE no_such_owner LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;");
        }
    }

    @Test
    void aTakenPortIsOneLineAndExitCode4() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerProcess server = ServerProcess.start(environmentWith("SEVENP_HOST", "127.0.0.1"),
                        "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dataDirectory.toString())) {
            assertThat(server.exitCode(EXIT_LIMIT)).isEqualTo(4);
            assertThat(server.stderrLines()).containsExactly("7P sync server: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use by another program; stop it, or choose another port with --port N"
                    + " or SEVENP_PORT");
        }
    }

    @Test
    void aDataFolderInUseIsOneLineAndExitCode5() throws Exception {
        try (DataFolderLock inUse = DataFolderLock.acquire(dataDirectory);
                ServerProcess server = ServerProcess.start(externalDatabase(), "--port", "0", "--data-dir",
                        dataDirectory.toString())) {
            assertThat(server.exitCode(EXIT_LIMIT)).isEqualTo(5);
            assertThat(server.stderrLines()).containsExactly("7P sync server: the data folder " + dataDirectory
                    + " is in use by another 7P server (pid " + ProcessHandle.current().pid()
                    + "); stop it or choose another --data-dir");
        }
    }

    @Test
    void aTakenPortLeavesNoDatabaseRunningAndTheFolderFree() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            ServerConfig embedded = new ServerConfig(taken.getLocalPort(), Optional.empty(), dataDirectory,
                    MaintenanceSchedule.DEFAULT, RunningServer.TEST_OPTIONS);

            assertThatThrownBy(() -> SyncServer.start(embedded)).isInstanceOf(PortInUseException.class);
        }
        assertThat(dataDirectory.resolve("pg").resolve("postmaster.pid")).doesNotExist();
        try (DataFolderLock free = DataFolderLock.acquire(dataDirectory)) {
            assertThat(free.isHeld()).isTrue();
        }
    }

    private Map<String, String> externalDatabase() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SEVENP_DB_URL", database.jdbcUrl());
        environment.put("SEVENP_DB_USER", PostgresCluster.OWNER_ROLE);
        environment.put("SEVENP_DB_PASSWORD", database.cluster().rolePassword());
        environment.put("SEVENP_DB_REQUEST_USER", PostgresCluster.REQUEST_ROLE);
        environment.put("SEVENP_DB_REQUEST_PASSWORD", database.cluster().rolePassword());
        return environment;
    }

    private Map<String, String> environmentWith(String name, String value) {
        Map<String, String> environment = externalDatabase();
        environment.put(name, value);
        return environment;
    }
}
