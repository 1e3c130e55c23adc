package edu.sevenp.desktop.ui;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The real player window (as DesktopUi builds it) on an in-memory store with the bundled sample course,
 * a test clock and same-thread executors, for TestFX tests. Create it in the test's {@code @Start}.
 */
public final class PlayerWindowFixture implements AutoCloseable {

    public final LocalStore store;
    public final CourseId sample;
    public final CourseOutline outline;
    public final TestClock clock = new TestClock(LearnerFixture.START);
    public final LearningServices learning;
    /** Indexed on the calling thread, so the sample course is searchable once the window is up. */
    public final SearchService search;
    /** The real engine over HTTP, not signed in: a fresh profile's, with the real media stage. */
    public final SyncService sync;
    /** The profile's server courses on this computer, over {@link #sync}. */
    public final CourseDownloads downloads;
    public final PlayerWindow window;
    private final UiExecutors executors;
    private final SyncService.Schedule schedule;
    private final SettingsContext settings;
    private final double width;
    private final double height;

    public PlayerWindowFixture(Stage stage) {
        this(stage, UiExecutors.sameThread());
    }

    /** With {@code executors} as the window's (threads like the app's, for tests of work that must leave the FX thread). */
    public PlayerWindowFixture(Stage stage, UiExecutors executors) {
        this(stage, executors, SyncService.Schedule.DEFAULT);
    }

    /** With the window's executors and the sync engine's schedule (without its push channel, say). */
    public PlayerWindowFixture(Stage stage, UiExecutors executors, SyncService.Schedule schedule) {
        this(stage, executors, schedule, SettingsContext.inMemory(), 1280, 800);
    }

    /** With the learner's settings (theme, text size, language) and the window's size. */
    public PlayerWindowFixture(Stage stage, UiExecutors executors, SyncService.Schedule schedule, SettingsContext settings,
            double width, double height) {
        store = LocalStore.openInMemory("ui-" + UUID.randomUUID());
        sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer()).courseId();
        outline = store.courses().outline(sample).orElseThrow();
        learning = LearningServices.over(store, clock);
        search = SearchService.open(store, Runnable::run, status -> { });
        this.executors = executors;
        this.schedule = schedule;
        this.settings = settings;
        this.width = width;
        this.height = height;
        MediaDownloader media = MediaDownloader.forStore(store);
        sync = SyncEngines.overHttp(store, schedule, media);
        downloads = new CourseDownloads(sync, store, media);
        window = show(stage, sync, downloads);
        stage.show();
        window.start();
    }

    /**
     * Closes the window as the learner does and opens a new one on the same profile (the store stays open), as
     * starting the player again does. Call it on the FX thread.
     */
    public PlayerWindow reopen(Stage stage) {
        window.close();
        // Closing the window stopped its sync engine, as quitting the player does: the new window has its own.
        MediaDownloader media = MediaDownloader.forStore(store);
        SyncService engine = SyncEngines.overHttp(store, schedule, media);
        PlayerWindow again = show(stage, engine, new CourseDownloads(engine, store, media));
        again.start();
        return again;
    }

    private PlayerWindow show(Stage stage, SyncService engine, CourseDownloads courseDownloads) {
        PlayerWindow shown = new PlayerWindow(learning, new LibraryService(store.courses()), () -> search, engine,
                courseDownloads, new PackageImport(new CoursePackageReader(JsonMapperFactory.createStrict()), store.importer()),
                executors, clock, ZoneOffset.UTC, sample, settings);
        Scene scene = new Scene(shown.root(), width, height);
        shown.installShortcuts(scene);
        stage.setScene(scene);
        return shown;
    }

    /** The sample course's lesson at {@code position} (1-based, teaching order). */
    public Lesson lesson(int position) {
        return outline.lessonsInOrder().get(position - 1);
    }

    public void awaitPageContaining(FxRobot robot, String text) {
        awaitLessonPageContaining(robot, text);
    }

    /** Waits until the lesson page of the player window on screen shows {@code text}. */
    public static void awaitLessonPageContaining(FxRobot robot, String text) {
        await(() -> robot.lookup("#lessonView").tryQuery().isPresent(), () -> "the player never showed a lesson view");
        WebView view = robot.lookup("#lessonView").queryAs(WebView.class);
        await(() -> pageText(view).contains(text), () -> "the lesson page never showed \"" + text + "\"; it shows: " + pageText(view));
    }

    /** Waits (up to 20 s) until {@code condition} holds on the FX thread. */
    public static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.waitForAsyncFx(10_000, condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError(failure.get(), e);
        }
    }

    private static String pageText(WebView view) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Document document = view.getEngine().getDocument();
            return document == null || document.getDocumentElement() == null ? "" : document.getDocumentElement().getTextContent();
        });
    }

    @Override
    public void close() {
        // A video's player lives on after the test and would save into the closed store as it plays on.
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.video().close());
        sync.close();
        search.close();
        store.close();
    }
}
