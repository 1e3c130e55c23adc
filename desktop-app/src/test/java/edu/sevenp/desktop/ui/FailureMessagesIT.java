package edu.sevenp.desktop.ui;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.desktop.ui.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Real failures in the real window (a real H2 store): the learner reads what happened and what to do next, never an
 * exception's class, a stack trace or the database's words, and "Open log" hands the data folder's log to the
 * computer's program (recorded here instead of started).
 */
@ExtendWith(ApplicationExtension.class)
class FailureMessagesIT {

    /** Words that only a program's failure has: none may reach the learner. */
    private static final List<String> TECHNICAL = List.of("Exception", "java.", "org.", "SQL", "at edu.", "[9", "END header",
            "jooq", "h2");

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private Path data;
    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("sevenp-failures-");
        Settings started = new Settings(Theme.LIGHT, 100, Language.ENGLISH, "");
        SettingsContext settings = new SettingsContext(SettingsStore.inMemory(), started, new Appearance(Theme.LIGHT, 100),
                data, opened::add);
        fixture = new PlayerWindowFixture(stage, UiExecutors.sameThread(), SyncService.Schedule.DEFAULT, settings, 1280, 800);
    }

    @AfterEach
    void closeEverything() {
        fixture.close();
    }

    @Test
    void aBrokenPackageFileIsRefusedInPlainWordsAndOpenLogOpensTheLog(FxRobot robot) throws Exception {
        fixture.awaitPageContaining(robot, "Why Databases?");
        Path broken = data.resolve("course.zip");
        Files.writeString(broken, "not a zip at all: half a download", StandardCharsets.UTF_8);

        robot.interact(() -> fixture.window.courses().importFile(broken.toFile()));

        await(() -> !text(robot, "#importError").isEmpty(), () -> "no error after importing a broken package");
        assertThat(text(robot, "#importError"))
                .contains("course.zip")
                .contains("is not a readable .zip file: it may be damaged, or only partly downloaded")
                .contains("Nothing was imported.")
                .endsWith("Check that you chose the right file, or ask whoever made the course package for a new one.");
        assertPlain(text(robot, "#importError"));
        Hyperlink openLog = robot.lookup("#importErrorOpenLog").queryAs(Hyperlink.class);
        assertThat(openLog.isVisible()).isTrue();
        assertThat(openLog.getText()).isEqualTo("Open log");
        assertThat(openLog.getAccessibleText()).isEqualTo("Open the log file with the details of what went wrong");

        // By keyboard: the link takes the focus, and Space presses it.
        robot.interact(openLog::requestFocus);
        await(openLog::isFocused, () -> "Open log never had the focus");
        robot.type(KeyCode.SPACE);

        await(() -> !opened.isEmpty(), () -> "Open log opened nothing");
        assertThat(opened).containsExactly(data.resolve("logs").resolve("player.log"));
    }

    @Test
    void aStoreThatRefusesANoteSaysWhatWasNotSavedAndWhatToDo(FxRobot robot) throws Exception {
        fixture.awaitPageContaining(robot, "Why Databases?");
        // The notes' table is gone from under the window, as a damaged file leaves it: the database refuses the write.
        String database = fixture.store.location().substring("memory:".length());
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + database
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE user_notes RENAME TO user_notes_gone");
        }

        robot.interact(() -> {
            fixture.window.notes().draftProperty().set("Keys identify rows.");
            fixture.window.notes().save();
        });

        await(() -> robot.lookup("#errorBanner").queryAs(Label.class).isVisible(), () -> "no error banner");
        assertThat(text(robot, "#errorBanner")).isEqualTo("Could not save the note; nothing was saved. Try again; if it"
                + " keeps happening, restart the player. The details are in the log.");
        assertThat(fixture.window.notes().draftProperty().get()).as("the learner's words are kept")
                .isEqualTo("Keys identify rows.");
        assertThat(robot.lookup("#errorBannerOpenLog").queryAs(Hyperlink.class).isVisible()).isTrue();
    }

    @Test
    void aStoreThatFailsWhileSavingANoteSaysSoInPlainWordsWithOpenLog(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#errorBannerOpenLog").queryAs(Hyperlink.class).isVisible())
                .as("no Open log while nothing failed").isFalse();
        // The store fails under the window: its file is gone from the app (closed), as a failing disk leaves it.
        fixture.store.close();

        robot.interact(() -> {
            fixture.window.notes().draftProperty().set("Keys identify rows.");
            fixture.window.notes().save();
        });

        await(() -> robot.lookup("#errorBanner").queryAs(Label.class).isVisible(), () -> "no error banner");
        String shown = text(robot, "#errorBanner");
        assertThat(shown).endsWith("Try again; if it keeps happening, restart the player. The details are in the log.");
        assertPlain(shown);
        assertThat(robot.lookup("#errorBannerOpenLog").queryAs(Hyperlink.class).isVisible()).isTrue();

        robot.clickOn("#errorBannerOpenLog");

        assertThat(opened).containsExactly(data.resolve("logs").resolve("player.log"));
    }

    @Test
    void aStoreThatFailsUnderTheDashboardAndTheQuizListSaysSoInPlainWordsWithOpenLog(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#quizListErrorOpenLog").queryAs(Hyperlink.class).isVisible())
                .as("no Open log while nothing failed").isFalse();
        fixture.store.close();

        robot.interact(() -> fixture.window.quizzes().reload());

        await(() -> robot.lookup("#quizListError").queryAs(Label.class).isVisible(), () -> "no error over the quizzes");
        String quizzes = text(robot, "#quizListError");
        assertThat(quizzes).startsWith("The quizzes could not be read: ");
        assertPlain(quizzes);
        assertThat(robot.lookup("#quizListErrorOpenLog").queryAs(Hyperlink.class).isVisible()).isTrue();

        robot.interact(() -> fixture.window.showDashboard());

        await(() -> text(robot, "#dashboardStatus").startsWith("The dashboard could not be read: "),
                () -> "the dashboard does not say it failed: " + text(robot, "#dashboardStatus"));
        String dashboard = text(robot, "#dashboardStatus");
        assertThat(dashboard).endsWith("Nothing is lost; try again with Ctrl+Shift+D. Details are in the log in the data"
                + " folder.");
        assertPlain(dashboard);
        Hyperlink openLog = robot.lookup("#dashboardStatusOpenLog").queryAs(Hyperlink.class);
        assertThat(openLog.isVisible()).isTrue();

        robot.interact(openLog::fire);

        assertThat(opened).containsExactly(data.resolve("logs").resolve("player.log"));
    }

    private static void assertPlain(String shown) {
        for (String word : TECHNICAL) {
            assertThat(shown).as("technical words shown to the learner").doesNotContain(word);
        }
        assertThat(shown.lines().map(String::strip)).noneMatch(line -> line.startsWith("at "));
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }
}
