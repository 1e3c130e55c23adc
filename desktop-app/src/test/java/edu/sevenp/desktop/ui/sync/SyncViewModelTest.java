package edu.sevenp.desktop.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The indicator and panel state over the real engine of a profile that never signed in. */
class SyncViewModelTest {

    private static final OffsetDateTime EIGHT = OffsetDateTime.parse("2026-12-05T08:00:00Z");
    /** Nothing on a timer and no push channel: only what the test does. */
    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    private final LocalStore store = LocalStore.openInMemory("sync-vm-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT);
    private final List<String> removals = new ArrayList<>();
    private final SyncViewModel model = new SyncViewModel(sync, UiExecutors.sameThread(),
            new SyncTexts(ZoneOffset.UTC, Locale.UK), removals::add);

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

    @Test
    void signingOutAsksFirstAndKeepsTheDataUnlessAskedToRemoveIt() throws IOException {
        try (SignedInProfile signedIn = new SignedInProfile()) {
            signedIn.model.askSignOut();

            assertThat(signedIn.model.confirmingSignOutProperty().get()).isTrue();
            assertThat(signedIn.model.removeDataProperty().get()).isFalse();
            assertThat(signedIn.model.signOutDetailsProperty().get()).isEqualTo("Everything stays on this computer: your"
                    + " courses, notes and progress, and the changes not sent yet, which go when you sign in again.");

            signedIn.model.signOut();

            assertThat(signedIn.model.signedInProperty().get()).isFalse();
            assertThat(signedIn.model.confirmingSignOutProperty().get()).isFalse();
            assertThat(signedIn.model.messageProperty().get()).startsWith("Signed out. Everything on this computer is kept");
            assertThat(signedIn.removals).isEmpty();
        }
    }

    @Test
    void removingTheDataSaysHowManyChangesWouldBeLostAndHandsTheProfileBack() throws IOException {
        StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 2);
        store.notes().create(fixture.learner(), course.lesson(0), "Keys", null, EIGHT).orElseThrow();
        store.notes().create(fixture.learner(), course.lesson(1), "Rows", null, EIGHT).orElseThrow();
        try (SignedInProfile signedIn = new SignedInProfile()) {
            signedIn.model.askSignOut();
            signedIn.model.removeDataProperty().set(true);

            assertThat(signedIn.model.signOutDetailsProperty().get()).isEqualTo("This profile, with its downloaded courses"
                    + " and videos, notes, bookmarks and progress, is removed from this computer; what was synced stays in"
                    + " your account. 2 changes are only on this computer and will be lost.");

            signedIn.model.signOut();

            assertThat(signedIn.removals).containsExactly("Signed out of ana@example.org, and removed the profile and its"
                    + " data from this computer.");
            assertThat(signedIn.sync.status().account()).isNull();
        }
    }

    @Test
    void leavingTheQuestionSignsNothingOut() throws IOException {
        try (SignedInProfile signedIn = new SignedInProfile()) {
            signedIn.model.askSignOut();
            signedIn.model.removeDataProperty().set(true);

            signedIn.model.cancelSignOut();

            assertThat(signedIn.model.confirmingSignOutProperty().get()).isFalse();
            assertThat(signedIn.model.removeDataProperty().get()).isFalse();
            assertThat(signedIn.model.signedInProperty().get()).isTrue();
        }
    }

    @Test
    void aQuestionLeftOpenWhenThePanelClosedIsGoneWhenItOpensAgain() throws IOException {
        try (SignedInProfile signedIn = new SignedInProfile()) {
            signedIn.model.askSignOut();
            signedIn.model.removeDataProperty().set(true);
            signedIn.model.panelShown(false);

            signedIn.model.panelShown(true);

            assertThat(signedIn.model.confirmingSignOutProperty().get()).isFalse();
            assertThat(signedIn.model.removeDataProperty().get()).isFalse();
        }
    }

    /** This store signed in to a server that does not answer: signing out still works, offline. */
    private final class SignedInProfile implements AutoCloseable {

        final List<String> removals = new ArrayList<>();
        final SyncService sync;
        final SyncViewModel model;

        SignedInProfile() throws IOException {
            URI closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
            }
            MemoryCredentials credentials = new MemoryCredentials();
            credentials.save(new Credentials(closed, UUID.randomUUID(), "ana@example.org", "Ana",
                    store.identity().deviceId().value(), "refresh-1", EIGHT.plusDays(90)));
            sync = new SyncService(store, credentials, (server, device, held) -> new HttpSyncApi(server, device, held,
                    Clock.systemUTC()), new Installation("Test", "Linux", "test"), null, MANUAL, Clock.systemUTC(),
                    new SplittableRandom(3));
            model = new SyncViewModel(sync, UiExecutors.sameThread(), new SyncTexts(ZoneOffset.UTC, Locale.UK), removals::add);
            model.start();
        }

        @Override
        public void close() {
            sync.close();
        }
    }
}
