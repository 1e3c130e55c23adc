package edu.sevenp.desktop.sync.e2e;

import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.faults.HoldingProxy;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 4: the server (a JVM of its own, over the test's database) is killed with SIGKILL in
 * the middle of a push of three batches, after it committed the second but before the device heard the answer, and
 * started again a little later on the same port and database. The device is never asked to sync again: its own retries
 * (from 200 ms, at most every 2 s) drain the backlog, and every change is applied once.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class ServerRestartIT {

    private static final int CHANGES = 1_200;
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestDatabase database;
    private EndToEndServer setup;
    private int port;
    private ServerProcess child;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase testDatabase) throws IOException {
        database = testDatabase;
        // Accounts and courses are made through a server in this JVM; the device talks to the one in a child JVM.
        setup = EndToEndServer.start(database);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null) {
            child.close();
        }
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    @Test
    void aServerKilledInTheMiddleOfABatchAndStartedAgainGetsTheBacklogFromTheEnginesOwnRetries() throws Exception {
        Catalog.Course course = setup.course(3);
        Accounts.SignedIn ana = setup.learnerIn(course, "Ana");
        Ledger ledger = new Ledger();
        child = startServer();
        try (HoldingProxy proxy = HoldingProxy.start(new InetSocketAddress("127.0.0.1", port));
                SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"), Clock.systemUTC(), SyncedDevice.RETRYING,
                        ledger)) {
            laptop.signIn(proxy.url(), ana.email(), Accounts.PASSWORD);
            laptop.awaitDrained(laptop.sync().syncNow(), Duration.ofSeconds(60));
            for (int i = 0; i < CHANGES; i++) {
                if (i % 10 == 0) {
                    laptop.writeNote(course.lesson(i % 3), "Note " + i);
                } else {
                    laptop.study(course.lesson(i % 3), 1 + i % 7, i * 100 / CHANGES);
                }
            }

            proxy.holdNext("POST /api/v1/sync/push ", 2, HoldingProxy.Hold.RESPONSE);
            CompletableFuture<SyncSummary> request = laptop.sync().syncNow();
            proxy.awaitHeld(Duration.ofSeconds(60));
            child.kill();
            proxy.discard();
            Thread.sleep(1_000); // the engine meets a dead server a few times
            child = startServer();

            laptop.awaitDrained(request, START_LIMIT);
            Convergence.assertConverged(database.superuser(), ana.user(), laptop);
            Convergence.assertExactlyOnce(database.superuser(), ana.user(), ledger);
        }
    }

    private ServerProcess startServer() throws InterruptedException {
        ServerProcess server = ServerProcess.start(Map.of(
                "SEVENP_DB_URL", database.jdbcUrl(),
                "SEVENP_DB_USER", PostgresCluster.OWNER_ROLE,
                "SEVENP_DB_PASSWORD", database.cluster().rolePassword(),
                "SEVENP_DB_REQUEST_USER", PostgresCluster.REQUEST_ROLE,
                "SEVENP_DB_REQUEST_PASSWORD", database.cluster().rolePassword(),
                "SEVENP_PASSWORD_MEMORY_KIB", "1024",
                "SEVENP_PASSWORD_ITERATIONS", "1"),
                "--port", Integer.toString(port), "--data-dir", folders.resolve("server").toString());
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server ended before it was healthy:\n" + server.output());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.kill();
        throw new AssertionError("the server was not healthy within " + START_LIMIT + ":\n" + server.output());
    }
}
