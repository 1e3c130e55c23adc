package edu.sevenp.desktop.ui.sync;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.desktop.ui.settings.SettingsStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A profile signed in to a server that cannot be reached (nothing listens on its port): the real engine's first sync
 * fails, and the sync panel says so in plain words, without the socket's own ("Connection refused"), with "Open log".
 */
@ExtendWith(ApplicationExtension.class)
class UnreachableServerMessageIT {

    /** The first sync at once, no push channel; the retries come long after the test. */
    private static final SyncService.Schedule SOON = new SyncService.Schedule(Duration.ofMillis(50), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(1), false);

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Path data;
    private URI nowhere;
    private LocalStore store;
    private SearchService search;
    private SyncService sync;
    private PlayerWindow window;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("sevenp-unreachable-");
        nowhere = URI.create("http://127.0.0.1:" + freePort() + "/");
        store = LocalStore.openInMemory("unreachable-" + UUID.randomUUID());
        CourseId sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict()))
                .install(store.importer()).courseId();
        search = SearchService.open(store, Runnable::run, status -> { });
        MemoryCredentials credentials = new MemoryCredentials();
        credentials.save(new Credentials(nowhere, UUID.randomUUID(), "ana@example.org", "Ana",
                store.identity().deviceId().value(), "refresh-1", OffsetDateTime.parse("2027-03-05T09:00:00Z")));
        MediaDownloader media = MediaDownloader.forStore(store);
        sync = new SyncService(store, credentials, (server, device, signIn) -> new HttpSyncApi(server, device, signIn,
                Clock.systemUTC()), new Installation("UI test", "Linux", "test"), media, SOON, Clock.systemUTC(),
                new SplittableRandom(7));
        Settings started = new Settings(Theme.LIGHT, 100, Language.ENGLISH, "");
        SettingsContext settings = new SettingsContext(SettingsStore.inMemory(), started, new Appearance(Theme.LIGHT, 100),
                data, opened::add);
        TestClock clock = new TestClock(LearnerFixture.START);
        window = new PlayerWindow(LearningServices.over(store, clock), new LibraryService(store.courses()), () -> search,
                sync, new CourseDownloads(sync, store, media), new PackageImport(new CoursePackageReader(
                        JsonMapperFactory.createStrict()), store.importer()), new UiExecutors(background, Platform::runLater),
                clock, ZoneOffset.UTC, sample, settings);
        stage.setScene(new Scene(window.root(), 1280, 800));
        window.installShortcuts(stage.getScene());
        stage.show();
        window.start();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            for (Window shown : List.copyOf(Window.getWindows())) {
                if (shown instanceof Stage dialog && dialog.getOwner() != null) {
                    dialog.close();
                }
            }
            window.close();
        });
        background.shutdownNow();
        sync.close();
        search.close();
        store.close();
    }

    @Test
    void theSyncPanelSaysTheServerCannotBeReachedInPlainWordsWithOpenLog(FxRobot robot) {
        robot.interact(window::showSyncPanel);

        await(() -> robot.lookup("#syncProblem").tryQuery().map(node -> node.isVisible()).orElse(false),
                () -> "the sync panel shows no problem");
        String shown = SyncIndicatorIT.text(robot, "#syncProblem");
        assertThat(shown).isEqualTo("Cannot reach the server " + nowhere + ": this computer seems to be offline, or the"
                + " server is down. Your work is kept and will be sent once it can be reached.");
        assertThat(shown).doesNotContain("Connection refused").doesNotContain("Exception");
        Hyperlink openLog = robot.lookup("#syncProblemOpenLog").queryAs(Hyperlink.class);
        assertThat(openLog.isVisible()).isTrue();

        robot.clickOn(openLog);

        assertThat(opened).containsExactly(data.resolve("logs").resolve("player.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
