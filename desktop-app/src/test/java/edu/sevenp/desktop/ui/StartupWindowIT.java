package edu.sevenp.desktop.ui;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.HoldStoreOpen;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window shows before the profile has opened, then the player, or why the profile could not open. */
@ExtendWith(ApplicationExtension.class)
class StartupWindowIT {

    private final ExecutorService opening = Executors.newSingleThreadExecutor();
    private Stage stage;
    private StartupWindow window;
    private StartupViewModel model;
    private LocalStore store;
    private SearchService search;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeEverything() {
        opening.shutdownNow();
        if (search != null) {
            search.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theStartupViewShowsWhileTheProfileOpensThenTheFirstLesson(FxRobot robot) {
        CountDownLatch release = new CountDownLatch(1);
        show(robot, () -> {
            release.await();
            return sampleProfile();
        });

        assertThat(robot.lookup("#startupStatus").queryAs(Label.class).getText()).isEqualTo("Opening your library…");
        assertThat(robot.lookup("#startupProgress").queryAs(ProgressIndicator.class).isVisible()).isTrue();
        assertThat(robot.lookup("#startupTitle").queryAs(Label.class).getText()).isEqualTo("7P Course Player");
        assertThat(window.playerWindow()).isNull();

        release.countDown();

        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#startupStatus").tryQuery()).isEmpty();
        assertThat(window.playerWindow().root().getScene()).isSameAs(stage.getScene());
    }

    @Test
    void aProfileOpenInAnotherPlayerIsExplainedAndEnterCloses(FxRobot robot) throws Exception {
        try (ChildJvm otherPlayer = ChildJvm.start(HoldStoreOpen.class, temp.toString())) {
            otherPlayer.awaitLine("open", Duration.ofSeconds(60));
            show(robot, () -> {
                LocalStore.openFile(temp, "default").close();
                throw new AssertionError("the store opened although another process holds it");
            });

            await(() -> robot.lookup("#startupProblem").tryQuery().isPresent(), () -> "no problem was shown");
            assertThat(robot.lookup("#startupProblem").queryAs(Label.class).getText())
                    .startsWith("Explained: ").contains("is open in another 7P player");
            assertThat(robot.lookup("#startupLogFile").queryAs(Label.class).getText())
                    .isEqualTo("Details are in the log file: " + temp.resolve("player.log"));
            awaitCloseFocused(robot);

            robot.type(KeyCode.ENTER);

            window.closed().get(10, TimeUnit.SECONDS);
            assertThat(stage.isShowing()).isFalse();
            assertThat(model.opened()).isCompletedExceptionally();
            try {
                model.opened().get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreInUseException.class);
            }
        }
    }

    @Test
    void escapeClosesAFailedStartToo(FxRobot robot) throws Exception {
        show(robot, () -> {
            throw new IllegalStateException("the schema is newer than this player");
        });
        await(() -> robot.lookup("#startupClose").tryQuery().isPresent(), () -> "no Close button was shown");
        assertThat(robot.lookup("#startupProblem").queryAs(Label.class).getText())
                .isEqualTo("Explained: the schema is newer than this player");
        awaitCloseFocused(robot);

        robot.type(KeyCode.ESCAPE);

        window.closed().get(10, TimeUnit.SECONDS);
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void theWindowsCloseButtonAsksBeforeLeavingAGradedAttempt(FxRobot robot) throws Exception {
        // The stage is shared: a player shown by an earlier test bound its title.
        robot.interact(() -> stage.titleProperty().unbind());
        show(robot, this::sampleProfile);
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        robot.interact(() -> {
            window.playerWindow().quizzes().showQuiz(SampleCourseStore.FINAL_EXAM);
            window.playerWindow().quizzes().start(SampleCourseStore.FINAL_EXAM);
        });

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(stage.isShowing()).isTrue();
        await(() -> robot.lookup("#leaveBar").query().isVisible(), () -> "no question before closing");
        robot.clickOn("#confirmLeave");
        window.closed().get(10, TimeUnit.SECONDS);
        assertThat(stage.isShowing()).isFalse();
    }

    /**
     * The stage is shared by the tests and shown again after a test closed it; Monocle does not give a
     * window shown again the focus by itself, and keys go to the focused window.
     */
    private void awaitCloseFocused(FxRobot robot) {
        robot.interact(stage::requestFocus);
        await(() -> stage.isFocused() && robot.lookup("#startupClose").queryAs(Button.class).isFocused(),
                () -> "the Close button never had the focus");
    }

    /** The window as {@code --profile default} opens it: no profile screen. */
    private void show(FxRobot robot, Callable<PlayerServices> opener) {
        model = new StartupViewModel(profile -> opener.call(), (failure, profile) -> "Explained: " + failure.getMessage(),
                temp.resolve("player.log"), new UiExecutors(opening, Platform::runLater), new LocalProfiles(temp), "default",
                "");
        robot.interact(() -> {
            window = new StartupWindow(stage, model, services -> new PlayerWindow(services.learning(), services.library(),
                    services.search(), services.sync(), services.downloads(), services.imports(), UiExecutors.sameThread(), new TestClock(LearnerFixture.START), ZoneOffset.UTC,
                    services.preferredCourse()), System.nanoTime());
            window.show();
        });
    }

    private PlayerServices sampleProfile() {
        store = LocalStore.openInMemory("startup-" + UUID.randomUUID());
        CourseId sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict()))
                .install(store.importer()).courseId();
        search = SearchService.open(store, Runnable::run, status -> { });
        MediaDownloader media = MediaDownloader.forStore(store);
        SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT, media);
        return new PlayerServices(LearningServices.over(store, new TestClock(LearnerFixture.START)),
                new LibraryService(store.courses()), () -> search, sync, new CourseDownloads(sync, store, media),
                new PackageImport(new CoursePackageReader(JsonMapperFactory.createStrict()), store.importer()), sample,
                () -> { });
    }
}
