package edu.sevenp.migrations.schema.triggers;

import edu.sevenp.migrations.schema.TestData;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * A second database session on its own thread, for tests of what two transactions do at once: it
 * starts a statement that is expected to wait for the first session's locks, and tells when it does.
 */
final class SecondSession implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Connection connection;
    private final Connection monitor;
    private final int pid;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    SecondSession(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        this.monitor = dataSource.getConnection();
        this.pid = new TestData(connection).value("SELECT pg_backend_pid()", Integer.class);
    }

    /** Runs the statement (autocommit) on this session's thread. */
    CompletableFuture<Integer> start(String sql, Object... parameters) {
        return CompletableFuture.supplyAsync(() -> new TestData(connection).update(sql, parameters), thread);
    }

    /** Waits until this session's statement is waiting for a lock another session holds. */
    void awaitBlocked() throws InterruptedException {
        TestData probe = new TestData(monitor);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!probe.value("SELECT cardinality(pg_blocking_pids(?)) > 0", Boolean.class, pid)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the second session never waited for the first one's lock");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws SQLException {
        thread.shutdownNow();
        try (connection; monitor) {
            // closes both
        }
    }
}
