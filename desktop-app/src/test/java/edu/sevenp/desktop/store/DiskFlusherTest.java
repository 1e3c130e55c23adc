package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flush is a {@code CHECKPOINT SYNC} that ran: each test watches the statements the flusher runs (or
 * the flushes the store's own flusher completed), so a flusher that skipped the checkpoint, or was never
 * asked, fails here.
 */
class DiskFlusherTest {

    private static final String CHECKPOINT = "CHECKPOINT SYNC";
    /** Far longer than the window: how long a test waits for a flush nobody asked for. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("flush-" + UUID.randomUUID());
    private final StatementLog log = new StatementLog();
    private final DiskFlusher flusher = new DiskFlusher(log.watching(store.dsl()));

    @AfterEach
    void close() {
        flusher.close();
        store.close();
    }

    @Test
    void aCommitIsFlushedWithinTheWindowWithoutAnyoneAsking() throws Exception {
        flusher.commitHappened();

        awaitUntil(() -> checkpoints() == 1);
        assertThat(log.statements()).containsExactly(CHECKPOINT);
    }

    @Test
    void commitsWithinOneWindowShareAFlush() throws Exception {
        for (int i = 0; i < 20; i++) {
            flusher.commitHappened();
        }

        awaitUntil(() -> checkpoints() >= 1);
        flusher.flushNow().get(10, TimeUnit.SECONDS);
        assertThat(checkpoints()).as("checkpoints for 20 commits and one flushNow").isBetween(2L, 20L);
    }

    @Test
    void flushNowCompletesOnlyOnceACheckpointHasRunAfterTheCall() throws Exception {
        flusher.commitHappened();
        int before = log.size();

        flusher.flushNow().get(10, TimeUnit.SECONDS);

        assertThat(log.statements().subList(before, log.size())).as("statements after the call").contains(CHECKPOINT);
    }

    @Test
    void aFailedCheckpointFailsTheFlush() {
        DiskFlusher detached = new DiskFlusher(DSL.using(SQLDialect.H2));
        try {
            assertThatThrownBy(() -> detached.flushNow().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        } finally {
            detached.close();
        }
    }

    @Test
    void theStoreFlushesAfterItsCommitsAndWhenAsked() throws Exception {
        try (LocalStore onFile = LocalStore.openFile(temp.resolve("p"), "default")) {
            awaitUntil(() -> onFile.flusher().flushed() >= 1); // the profile's identity, written at the first start
            long before = onFile.flusher().flushed();
            onFile.dsl().transaction(configuration ->
                    new SettingsRepository(configuration.dsl(), Clock.systemUTC()).put("player.volume", 0.5));

            awaitUntil(() -> onFile.flusher().flushed() > before);
            long afterCommit = onFile.flusher().flushed();
            onFile.flushToDisk().get(10, TimeUnit.SECONDS);

            assertThat(onFile.flusher().flushed()).as("flushToDisk flushed again").isGreaterThan(afterCommit);
            assertThat(onFile.settings().get("player.volume", Double.class)).contains(0.5);
        }
    }

    @Test
    void manyCommitsShareFlushesAndEveryFlushToDiskCompletes() throws Exception {
        try (LocalStore onFile = LocalStore.openFile(temp.resolve("q"), "default")) {
            long before = onFile.flusher().flushed();
            List<CompletableFuture<Void>> flushes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int value = i;
                onFile.dsl().transaction(configuration ->
                        new SettingsRepository(configuration.dsl(), Clock.systemUTC()).put("counter", value));
                flushes.add(onFile.flushToDisk());
            }

            CompletableFuture.allOf(flushes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(onFile.flusher().flushed() - before).isBetween(1L, 100L);
            assertThat(onFile.settings().get("counter", Integer.class)).contains(49);
        }
    }

    @Test
    void anInMemoryStoreFlushesWithoutComplaint() throws Exception {
        awaitUntil(() -> store.flusher().flushed() >= 1); // the profile's identity, written when it opened
        long before = store.flusher().flushed();

        store.flushToDisk().get(10, TimeUnit.SECONDS);

        assertThat(store.flusher().flushed()).isEqualTo(before + 1);
    }

    private long checkpoints() {
        return log.statements().stream().filter(CHECKPOINT::equalsIgnoreCase).count();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no flush within " + PATIENCE);
            }
            Thread.sleep(10);
        }
    }
}
