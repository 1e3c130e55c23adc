package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL leaves its embedded PostgreSQL running (the JVM died, the postmaster did not); the next
 * server on the data folder stops that orphan and starts at once, rather than failing after a wait.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class RestartAfterKillIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDirectory;

    private ServerProcess child;
    private SyncServer restarted;

    @AfterEach
    void stopEverything() throws Exception {
        if (restarted != null) {
            restarted.close();
        }
        if (child != null) {
            child.close();
        }
        // Whatever failed above, no PostgreSQL outlives the test.
        postmaster(dataDirectory.resolve("pg")).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    @Test
    void theNextServerStopsTheOrphanedDatabaseAndStarts() throws Exception {
        int port = freePort();
        child = ServerProcess.start(Map.of(), "--port", Integer.toString(port), "--data-dir", dataDirectory.toString());
        awaitHealthy(port);

        assertThatThrownBy(() -> SyncServer.start(config()))
                .isInstanceOf(DataFolderException.class)
                .hasMessage("the data folder " + dataDirectory + " is in use by another 7P server (pid " + child.pid()
                        + "); stop it or choose another --data-dir");

        child.kill();
        ProcessHandle orphan = postmaster(dataDirectory.resolve("pg"))
                .orElseThrow(() -> new AssertionError("the killed server left no PostgreSQL running; nothing to test"));

        long startNanos = System.nanoTime();
        restarted = SyncServer.start(config());
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(took).isLessThan(RESTART_LIMIT);
        assertThat(orphan.isAlive()).isFalse();
        HttpResponse<String> health = HTTP.send(healthRequest(restarted.port()), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode report = JsonMapperFactory.create().readTree(health.body());
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("databaseMode").asText()).isEqualTo("embedded");
    }

    private static HttpRequest healthRequest(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10))
                .build();
    }

    private ServerConfig config() {
        return new ServerConfig(0, Optional.empty(), dataDirectory, MaintenanceSchedule.DEFAULT, RunningServer.TEST_OPTIONS);
    }

    private void awaitHealthy(int port) throws InterruptedException {
        HttpRequest request = healthRequest(port);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the server ended before it was healthy:\n" + child.output());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server was not healthy within " + START_LIMIT + ":\n" + child.output());
    }

    /** The postmaster running on {@code cluster}, by its postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
