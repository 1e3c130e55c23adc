package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.sync.faults.HoldingProxy;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.catalog.CatalogRow;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Downloading a course from the catalog in the real window, against the real sync server: its size and the free space
 * are asked about first, the library shows its progress, Cancel stops it midway and Resume goes on from there, and
 * "Remove download" takes it off this computer while the learner's notes stay. A proxy between the engine and the
 * server holds the second video's answer, so that the download is caught in the middle.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseDownloadIT extends PlayerWindowTestBase {

    private static final String TITLE = "Offline Video Course";

    @TempDir
    static Path folders;

    private RunningServer server;
    private HoldingProxy proxy;
    private Accounts accounts;
    private ExecutorService background;
    private final byte[] first = bytes(1, 2 * 1024 * 1024);
    private final byte[] second = bytes(2, 3 * 1024 * 1024);
    private UUID lesson;

    @BeforeAll
    void startServer(TestDatabase database) throws Exception {
        server = RunningServer.start(database);
        proxy = HoldingProxy.start(new InetSocketAddress("127.0.0.1", server.port()));
        accounts = new Accounts(server);
        PackageFixture course = PackageFixture.course(TITLE, 1, 2).version("1.0.0");
        course.video(course.lesson(0, 0), course.addMedia("media/one.mp4", first, "video/mp4"));
        course.video(course.lesson(0, 1), course.addMedia("media/two.mp4", second, "video/mp4"));
        lesson = UUID.fromString(course.lesson(0, 0).get("id").asText());
        ApiClient.Response published = accounts.instructor("Ines").api().postBytes("/api/v1/courses/publish",
                "application/zip", Zips.of(course.writeTo(folders.resolve("course"))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.as(PublishResult.class).courseId()).isNotNull();
    }

    @AfterAll
    void stopServer() {
        proxy.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        fixture = new PlayerWindowFixture(stage, new UiExecutors(background, Platform::runLater), SyncEngines.NO_CHANNEL);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCourseDownloadsWithProgressIsCancelledAndResumedAndRemovedKeepingTheNotes(FxRobot robot) throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        fixture.sync.signIn(URI.create(proxy.url()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);
        proxy.holdNext("GET /api/v1/media/" + PackageFixture.sha256(second), 1, HoldingProxy.Hold.RESPONSE);

        // The catalog: the course, and Download asks with its size and the free space here.
        robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        await(() -> catalogRow(robot).isPresent(), () -> "the catalog never listed " + TITLE);
        ListView<CatalogRow> catalog = robot.lookup("#catalogList").queryAs(ListView.class);
        robot.interact(() -> catalog.getSelectionModel().select(catalogRow(robot).orElseThrow()));
        robot.clickOn("#catalogDownload");
        await(() -> robot.lookup("#downloadDialog").tryQuery().isPresent(), () -> "no question before the download");
        DialogPane question = robot.lookup("#downloadDialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Download \u201c" + TITLE + "\u201d for offline use?");
        assertThat(question.getContentText()).matches("It needs \\d+ MB on this computer \\(with room to spare\\);"
                + " .+ is free on .+\\.");
        robot.clickOn(button(question, "Download"));

        // The library lists it, with a bar that moves, until the second video's answer is held.
        proxy.awaitHeld(Duration.ofSeconds(60));
        robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        await(() -> row(robot).filter(row -> row.download() != null && row.download().text().startsWith("Downloading "))
                .isPresent(), () -> "the library shows " + row(robot));
        LibraryRow downloading = row(robot).orElseThrow();
        assertThat(downloading.download().fraction()).isBetween(0.0, 1.0);
        assertThat(visibleBars(robot)).isPositive();

        select(robot);
        robot.clickOn("#cancelDownloadButton");
        await(() -> fixture.store.downloads().choices().size() == 1, () -> "the download was never paused");
        proxy.release();
        await(() -> row(robot).map(row -> row.download().text().startsWith("Download paused at ")).orElse(false),
                () -> "the library shows " + row(robot));

        Note note = fixture.learning.notes().create(new LessonId(lesson), "My own words", null);
        select(robot);
        robot.clickOn("#resumeDownloadButton");
        await(() -> row(robot).map(row -> row.download().text().startsWith("On this computer · ")).orElse(false),
                () -> "the library shows " + row(robot));
        Path video = fixture.store.media().lessonVideo(new LessonId(lesson)).orElseThrow();

        select(robot);
        robot.clickOn("#removeDownloadButton");
        await(() -> robot.lookup("#removeDownloadDialog").tryQuery().isPresent(), () -> "no question before removing");
        DialogPane remove = robot.lookup("#removeDownloadDialog").queryAs(DialogPane.class);
        assertThat(remove.getContentText()).contains("Your notes, bookmarks, progress and quiz attempts on it are kept");
        robot.clickOn(button(remove, "Remove download"));
        String notHere = LibraryTexts.inDefaultLocale().text("download.removed");
        await(() -> row(robot).map(row -> row.download().text().equals(notHere)).orElse(false),
                () -> "the library shows " + row(robot));

        assertThat(Files.exists(video)).as("the video is gone from this computer").isFalse();
        assertThat(fixture.learning.notes().forLesson(new LessonId(lesson))).extracting(Note::id).containsExactly(note.id());
        assertThat(proxy.exchanges().stream().filter(exchange -> exchange.requestLine().startsWith("GET /api/v1/media/"))
                .map(HoldingProxy.Exchange::requestLine).count()).as("the second video was asked for again after the pause")
                .isEqualTo(3);
    }

    /** Chooses the course in the library's list, as a click would. */
    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot) {
        ListView<LibraryRow> list = robot.lookup("#courseList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(row(robot).orElseThrow()));
    }

    @SuppressWarnings("unchecked")
    private static Optional<CatalogRow> catalogRow(FxRobot robot) {
        if (robot.lookup("#catalogList").tryQuery().isEmpty()) {
            return Optional.empty();
        }
        List<CatalogRow> rows = List.copyOf(robot.lookup("#catalogList").queryAs(ListView.class).getItems());
        return rows.stream().filter(row -> row.title().equals(TITLE)).findFirst();
    }

    private static Node button(DialogPane pane, String text) {
        return pane.getButtonTypes().stream().filter(type -> type.getText().equals(text)).map(pane::lookupButton)
                .findFirst().orElseThrow(() -> new AssertionError("the dialog has no " + text + " button"));
    }

    @SuppressWarnings("unchecked")
    private static Optional<LibraryRow> row(FxRobot robot) {
        if (robot.lookup("#courseList").tryQuery().isEmpty()) {
            return Optional.empty();
        }
        List<LibraryRow> rows = List.copyOf(robot.lookup("#courseList").queryAs(ListView.class).getItems());
        return rows.stream().filter(row -> row.title().equals(TITLE)).findFirst();
    }

    private static long visibleBars(FxRobot robot) {
        return robot.lookup("#courseList .progress-bar").queryAll().stream().filter(Node::isVisible).count();
    }

    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
