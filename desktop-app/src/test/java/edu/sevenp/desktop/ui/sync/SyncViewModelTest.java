package edu.sevenp.desktop.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The indicator and panel state over the real engine of a profile that never signed in. */
class SyncViewModelTest {

    private static final OffsetDateTime EIGHT = OffsetDateTime.parse("2026-12-05T08:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("sync-vm-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT);
    private final SyncViewModel model = new SyncViewModel(sync, UiExecutors.sameThread(),
            new SyncTexts(ZoneOffset.UTC, Locale.UK));

    @AfterEach
    void close() {
        model.close();
        store.close();
    }

    @Test
    void aFreshProfileIsNotSignedInAndCannotSyncNow() {
        model.start();

        assertThat(model.indicatorProperty().get()).isEqualTo("Not signed in");
        assertThat(model.signedInProperty().get()).isFalse();
        assertThat(model.lastSyncProperty().get()).isEqualTo("Never synced.");
        model.syncNow();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.syncingProperty().get()).isFalse();
    }

    @Test
    void thePanelSaysWhichChangesAreKeptHereAndWhy() throws InterruptedException {
        StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 2);
        store.notes().create(fixture.learner(), course.lesson(0), "Keys", null, EIGHT).orElseThrow();
        store.notes().create(fixture.learner(), course.lesson(1), "Rows", null, EIGHT).orElseThrow();
        model.start();

        model.panelShown(true);

        // The engine's recount, on its own thread here (no FX thread to serialise on), may load the details again.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (model.heldProperty().get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(model.heldProperty().get()).startsWith("Kept on this computer: 2 notes. Their course is not on this server");
        assertThat(model.pendingProperty().get()).isEqualTo("Nothing is waiting to be sent.");
        assertThat(model.rejected()).isEmpty();
    }
}
