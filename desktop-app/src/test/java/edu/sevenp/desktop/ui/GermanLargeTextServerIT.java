package edu.sevenp.desktop.ui;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.library.LibraryRow;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screens of {@link GermanLargeTextIT} that need a signed-in server, in German at 200 % text in a 1024×700
 * window: the catalog with its filters and a course, the question before a download (its size and the free space),
 * the library with the downloaded course and its download actions, and the question before removing the download.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ApplicationExtension.class)
class GermanLargeTextServerIT {

    /** Long words in a long title, as German course titles have. */
    private static final String TITLE = "Datenbankentwurf: Normalformen und Schlüsselbeziehungen";

    @TempDir
    static Path folders;

    private final List<String> clipped = new ArrayList<>();
    private RunningServer server;
    private Accounts accounts;
    private ExecutorService background;
    private Locale before;
    private Stage stage;
    private SettingsContext settings;
    private PlayerWindowFixture fixture;

    @BeforeAll
    void startServer(TestDatabase database) throws Exception {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        PackageFixture course = PackageFixture.course(TITLE, 1, 2).version("1.0.0");
        // 1.6 MB of video: the catalog and the library say "2 MB" (the question adds room to spare).
        course.video(course.lesson(0, 0), course.addMedia("media/one.mp4", bytes(1_600_000), "video/mp4"));
        ApiClient.Response published = accounts.instructor("Ines").api().postBytes("/api/v1/courses/publish",
                "application/zip", Zips.of(course.writeTo(folders.resolve("course"))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        UUID id = published.as(PublishResult.class).courseId();
        Catalog catalog = new Catalog(database.superuser());
        UUID category = catalog.category("datenmodellierung", "Datenbanken und Datenmodellierung", null);
        catalog.execute("UPDATE courses SET short_description = ?, difficulty = ?, category_id = ? WHERE id = ?",
                "Wie man Tabellen so entwirft, dass die Daten stimmen: Schlüssel, Fremdschlüssel und die Normalformen.",
                "intermediate", category, id);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        background = Executors.newSingleThreadExecutor();
        settings = SettingsContext.inMemory(new Settings(Theme.LIGHT, 200, Language.GERMAN, ""));
        settings.appearance().followAllWindows();
        fixture = new PlayerWindowFixture(stage, new UiExecutors(background, Platform::runLater), SyncEngines.NO_CHANNEL,
                settings, GermanLargeTextIT.WIDTH, GermanLargeTextIT.HEIGHT);
        stage.setWidth(GermanLargeTextIT.WIDTH);
        stage.setHeight(GermanLargeTextIT.HEIGHT);
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> {
            settings.appearance().stopFollowingWindows();
            new ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage && window instanceof Stage)
                    .forEach(window -> ((Stage) window).close());
        });
        Locale.setDefault(before);
        fixture.close();
        background.shutdownNow();
    }

    @Test
    void theCatalogTheDownloadQuestionAndTheDownloadedCourseAreNotCutOffInGermanAtTwiceTheTextSize(FxRobot robot)
            throws Exception {
        fixture.awaitPageContaining(robot, "Why Databases?");
        Accounts.SignedIn ana = accounts.learner("Ana");
        fixture.sync.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        ListView<?> catalog = robot.lookup("#catalogList").queryAs(ListView.class);
        await(() -> catalog.isVisible() && catalog.getItems().size() == 1, () -> "the catalog lists " + catalog.getItems());
        robot.interact(() -> catalog.getSelectionModel().select(0));
        check(robot, stage, "the catalog signed in");

        // By keyboard: at this size the Download button is below the list, scrolled out of view.
        robot.interact(catalog::requestFocus);
        robot.type(KeyCode.ENTER);
        Stage question = GermanLargeTextIT.awaitStage("Für die Offline-Nutzung herunterladen");
        DialogPane pane = (DialogPane) question.getScene().getRoot();
        assertThat(pane.getHeaderText()).isEqualTo("\u201e" + TITLE + "\u201c für die Offline-Nutzung herunterladen?");
        assertThat(pane.getContentText()).matches("Der Kurs braucht \\d+ MB auf diesem Computer \\(mit etwas Reserve\\);"
                + " auf .+ sind .+ frei\\.");
        check(robot, question, "the download question");
        robot.clickOn(pane.lookupButton(pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst()
                .orElseThrow()));

        await(() -> !question.isShowing(), () -> "the download question stayed open");
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ListView<LibraryRow> library = robot.lookup("#courseList").queryAs(ListView.class);
        await(() -> downloadText(library).equals("Auf diesem Computer \u00b7 2 MB"),
                () -> "the library never showed the course downloaded: " + library.getItems());
        robot.interact(() -> library.getSelectionModel().select(library.getItems().stream()
                .filter(row -> row.title().equals(TITLE)).findFirst().orElseThrow()));
        check(robot, stage, "the library with a download");

        robot.interact(library::requestFocus);
        robot.type(KeyCode.DELETE);
        Stage remove = GermanLargeTextIT.awaitStage("Download entfernen");
        check(robot, remove, "the question before removing a download");
        DialogPane removePane = (DialogPane) remove.getScene().getRoot();
        robot.clickOn(removePane.lookupButton(ButtonType.CANCEL));

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", GermanLargeTextIT.WIDTH,
                GermanLargeTextIT.HEIGHT).isEmpty();
    }

    private void check(FxRobot robot, Stage window, String screen) {
        clipped.addAll(GermanLargeTextIT.cutOff(robot, window.getScene(), screen));
    }

    /** The download line of the course's row in the library, or empty. */
    private static String downloadText(ListView<LibraryRow> library) {
        return library.getItems().stream()
                .filter(row -> row.title().equals(TITLE) && row.download() != null)
                .map(row -> row.download().text()).findFirst().orElse("");
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
