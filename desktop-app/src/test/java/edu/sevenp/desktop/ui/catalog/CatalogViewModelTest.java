package edu.sevenp.desktop.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalog's view model without a server: signed out and offline it says so plainly and asks nothing more. */
class CatalogViewModelTest {

    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);
    private static final SyncStatus SIGNED_IN = new SyncStatus(new SyncStatus.Account("http://server", "ana@example.org"),
            SyncStatus.Connection.UNKNOWN, SyncStatus.Activity.IDLE, null, null, 0, 0, 0, 0, null, null, null);

    private final LocalStore store = LocalStore.openInMemory("catalog-" + UUID.randomUUID());
    private final MediaDownloader media = MediaDownloader.forStore(store);
    private final SyncService sync = new SyncService(store, new MemoryCredentials(), (url, device, credentials) -> {
        throw new IllegalStateException("this test asks no server");
    }, new Installation("Test laptop", "Linux", "test"), media, MANUAL, Clock.systemUTC(), new SplittableRandom(5));
    private final AtomicInteger asked = new AtomicInteger();
    private SyncFailure failure = SyncFailure.of(SyncFailure.Kind.UNREACHABLE,
            "The server http://server could not be reached (Connection refused).");
    private final CatalogViewModel viewModel = new CatalogViewModel(() -> {
        asked.incrementAndGet();
        throw failure;
    }, new CourseDownloads(sync, store, media), UiExecutors.sameThread());

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void signedOutTheCatalogSaysSoAndAsksTheServerNothing() {
        viewModel.syncStatus(SyncStatus.notSignedIn(0));

        viewModel.show();
        viewModel.search();

        assertThat(viewModel.availabilityProperty().get()).isEqualTo(CatalogViewModel.Availability.SIGNED_OUT);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("The catalog is the sync server's: sign in to see it (the"
                + " sync indicator at the bottom right, or Ctrl+Shift+S). Your library works without it.");
        assertThat(asked).hasValue(0);
    }

    @Test
    void offlineTheCatalogSaysSoPlainlyAndThatTheLibraryStillWorks() {
        viewModel.syncStatus(SIGNED_IN);

        viewModel.show();

        assertThat(viewModel.availabilityProperty().get()).isEqualTo(CatalogViewModel.Availability.OFFLINE);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("The server cannot be reached, so the catalog cannot be"
                + " shown: The server http://server could not be reached (Connection refused). Your library still works"
                + " offline.");
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void aCatalogThatFailsUnexpectedlyIsToldInPlainWordsAsAFailure() {
        // A fault of the app, not the network: its own words stay in the log.
        RuntimeException fault = new IllegalStateException("com.fasterxml.jackson.databind.JsonMappingException: x");
        CatalogViewModel failing = new CatalogViewModel(() -> {
            throw fault;
        }, new CourseDownloads(sync, store, media), UiExecutors.sameThread());
        failing.syncStatus(SIGNED_IN);

        failing.show();

        assertThat(failing.noticeProperty().get()).isEqualTo("The catalog could not be read: Something went wrong. Try"
                + " again; if it keeps happening, restart the player. The details are in the log.");
        assertThat(failing.noticeIsFailureProperty().get()).as("the view offers the log").isTrue();
    }

    @Test
    void theSignedOutNoticeIsNoFailure() {
        viewModel.syncStatus(SIGNED_IN);
        viewModel.show();
        assertThat(viewModel.noticeIsFailureProperty().get()).isTrue();

        viewModel.syncStatus(SyncStatus.notSignedIn(0));

        assertThat(viewModel.noticeIsFailureProperty().get()).isFalse();
    }

    @Test
    void aSignInThatEndedOnTheServerShowsTheCatalogAsSignedOut() {
        failure = SyncFailure.of(SyncFailure.Kind.SIGNED_OUT, "Sign in again.");
        viewModel.syncStatus(SIGNED_IN);

        viewModel.show();

        assertThat(viewModel.availabilityProperty().get()).isEqualTo(CatalogViewModel.Availability.SIGNED_OUT);
        assertThat(List.of(viewModel.resultTextProperty().get(), viewModel.messageProperty().get())).containsExactly("", "");
    }

    @Test
    void theFiltersOfferEveryDifficultyAndAnyCategoryBeforeTheServerIsAsked() {
        assertThat(viewModel.difficulties()).extracting(Choice::value).containsExactly(null, "beginner", "intermediate",
                "advanced");
        assertThat(viewModel.categories()).extracting(Choice::label).containsExactly("All categories");
    }
}
