package edu.sevenp.desktop.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets committed transactions onto the disk itself, not only into the operating system's cache.
 *
 * <p>H2 with {@code WRITE_DELAY=0} writes every commit to the file before returning, so a killed
 * process loses nothing; but it never calls fsync, so a power cut could lose what the operating system
 * had not yet written. After each commit a {@code CHECKPOINT SYNC} (which does fsync) is requested;
 * requests within {@link #WINDOW} share one. A caller that must not confirm before the data is on disk
 * (saving a note) waits for {@link #flushNow()}.
 */
final class DiskFlusher implements AutoCloseable {

    static final Duration WINDOW = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(DiskFlusher.class);

    private final DSLContext dsl;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sevenp-disk-flush");
        thread.setDaemon(true);
        return thread;
    });
    /** The flush that will cover commits made from now on, until it starts. */
    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>();
    /** Checkpoints that reached the disk: what a test (or a diagnosis) can see of flushes nobody waits for. */
    private final AtomicLong flushed = new AtomicLong();

    DiskFlusher(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Called after every commit: a flush runs within {@link #WINDOW}. */
    void commitHappened() {
        scheduled(WINDOW);
    }

    /** Flushes as soon as possible; the future completes when what was committed before this call is on disk. */
    CompletableFuture<Void> flushNow() {
        return scheduled(Duration.ZERO);
    }

    private CompletableFuture<Void> scheduled(Duration delay) {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> pending = next.compareAndExchange(null, fresh);
        if (pending != null && delay.isZero()) {
            // A flush is already waiting for its window; run one now for this caller as well.
            CompletableFuture<Void> immediate = new CompletableFuture<>();
            executor.execute(() -> flush(immediate, false));
            return immediate;
        }
        if (pending != null) {
            return pending;
        }
        executor.schedule(() -> flush(fresh, true), delay.toMillis(), TimeUnit.MILLISECONDS);
        return fresh;
    }

    private void flush(CompletableFuture<Void> done, boolean windowed) {
        if (windowed) {
            // Commits from here on need a flush of their own.
            next.compareAndSet(done, null);
        }
        try {
            dsl.execute("CHECKPOINT SYNC");
            flushed.incrementAndGet();
            done.complete(null);
        } catch (RuntimeException e) {
            LOG.error("Could not force the library to disk; the data is written but may not survive a power cut", e);
            done.completeExceptionally(e);
        }
    }

    /** How many flushes have completed since the store opened. */
    long flushed() {
        return flushed.get();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("A disk flush was still running when the library closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
