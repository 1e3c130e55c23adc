package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFlusherTest {

    @TempDir
    Path temp;

    @Test
    void flushToDiskCompletesAfterCommits() throws Exception {
        try (LocalStore store = LocalStore.openFile(temp.resolve("p"), "default")) {
            store.dsl().transaction(configuration -> new SettingsRepository(configuration.dsl(), Clock.systemUTC()).put("player.volume", 0.5));

            store.flushToDisk().get(5, TimeUnit.SECONDS);

            assertThat(store.dsl().fetchCount(SETTINGS, SETTINGS.SETTING_KEY.eq("player.volume"))).isEqualTo(1);
        }
    }

    @Test
    void manyCommitsShareFlushesAndAllComplete() throws Exception {
        try (LocalStore store = LocalStore.openFile(temp.resolve("q"), "default")) {
            List<CompletableFuture<Void>> flushes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int value = i;
                store.dsl().transaction(configuration -> new SettingsRepository(configuration.dsl(), Clock.systemUTC()).put("counter", value));
                flushes.add(store.flushToDisk());
            }

            CompletableFuture.allOf(flushes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(store.settings().get("counter", Integer.class)).contains(49);
        }
    }

    @Test
    void anInMemoryStoreFlushesWithoutComplaint() throws Exception {
        try (LocalStore store = LocalStore.openInMemory("flush-" + java.util.UUID.randomUUID())) {
            store.flushToDisk().get(5, TimeUnit.SECONDS);
            assertThat(store.identity()).isNotNull();
        }
    }
}
