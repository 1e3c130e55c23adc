package edu.sevenp.desktop.ui.settings;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.Snapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings screen (Ctrl+,) in the real player window: theme and text size at once, kept, and the rest. */
@ExtendWith(ApplicationExtension.class)
class SettingsIT {

    @TempDir
    static Path data;

    private final List<Path> opened = new ArrayList<>();
    private final SettingsStore store = SettingsStore.inMemory();
    private Stage stage;
    private SettingsContext settings;
    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Settings started = new Settings(Theme.LIGHT, 100, Language.ENGLISH, "");
        settings = new SettingsContext(store, started, new Appearance(Theme.LIGHT, 100), data, opened::add);
        settings.appearance().followAllWindows();
        fixture = new PlayerWindowFixture(stage, UiExecutors.sameThread(), SyncService.Schedule.DEFAULT, settings, 1280, 800);
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            settings.appearance().stopFollowingWindows();
            new ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage && window instanceof Stage)
                    .forEach(window -> ((Stage) window).close());
        });
        fixture.close();
    }

    @Test
    void theDarkThemeAndLargerTextApplyToEveryWindowAtOnceAndAreKept(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        Stage dialog = openSettings(robot);
        assertThat(robot.lookup("#theme-light").query().isFocused()).as("the focus starts on the theme").isTrue();

        robot.clickOn("#theme-dark");
        robot.interact(() -> robot.lookup("#textSizeChoice").queryAs(ChoiceBox.class).setValue(150));
        WaitForAsyncUtils.waitForFxEvents();

        for (Scene scene : List.of(stage.getScene(), dialog.getScene())) {
            assertThat(scene.getRoot().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
            assertThat(scene.getRoot().getStyle()).contains("-fx-font-size: 19.50px");
            assertThat(scene.getStylesheets()).anyMatch(sheet -> sheet.endsWith("dark.css"));
        }
        WebView lesson = robot.lookup("#lessonView").queryAs(WebView.class);
        assertThat(lesson.getFontScale()).isEqualTo(1.5);
        await(() -> "theme-dark".equals(lesson.getEngine().getDocument().getDocumentElement().getAttribute("class")),
                () -> "the lesson page is not dark");
        robot.interact(() -> Snapshots.save(stage.getScene(), "player-dark-150"));

        robot.type(KeyCode.ESCAPE);
        await(() -> !dialog.isShowing(), () -> "Esc did not close the settings");
        assertThat(store.load()).contains(new Settings(Theme.DARK, 150, Language.ENGLISH, ""));

        // The next lesson loads dark too.
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");
        await(() -> "theme-dark".equals(lesson.getEngine().getDocument().getDocumentElement().getAttribute("class")),
                () -> "the next lesson is not dark");
    }

    @Test
    void aNewLanguageSaysInThatLanguageThatItAppliesAfterARestart(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        openSettings(robot);
        assertThat(text(robot, "#languageNote")).isEqualTo("A new language applies when you restart the player.");

        robot.interact(() -> robot.lookup("#languageChoice").queryAs(ChoiceBox.class).setValue(Language.GERMAN));

        assertThat(text(robot, "#languageNote")).startsWith("Der Player spricht ab dem nächsten Start Deutsch");
        assertThat(store.load().map(Settings::language)).contains(Language.GERMAN);
        assertThat(settings.appearance().themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theServerIsCheckedKeptAndProposedBySigningIn(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        openSettings(robot);

        robot.clickOn("#settingsServer").write("not a server").type(KeyCode.ENTER);
        assertThat(text(robot, "#serverProblem")).startsWith("Enter an http or https address");
        assertThat(store.load()).isEmpty();

        robot.interact(() -> robot.lookup("#settingsServer").queryAs(TextField.class).setText("sync.example.org"));
        robot.clickOn("#settingsServer").type(KeyCode.ENTER);
        assertThat(robot.lookup("#settingsServer").queryAs(TextField.class).getText()).isEqualTo("https://sync.example.org");
        assertThat(store.load().map(Settings::server)).contains("https://sync.example.org");

        robot.clickOn("#openDataFolder");
        assertThat(opened).containsExactly(data);
        assertThat(robot.lookup("#dataFolder").queryAs(TextField.class).getText()).isEqualTo(data.toString());

        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> showing("Sync").isPresent(), () -> "no sync panel");
        robot.clickOn("#signInButton");
        await(() -> robot.lookup("#serverField").tryQuery().isPresent(), () -> "no sign-in dialog");
        assertThat(robot.lookup("#serverField").queryAs(TextField.class).getText()).isEqualTo("https://sync.example.org");
    }

    private Stage openSettings(FxRobot robot) {
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await(() -> showing("Settings").isPresent(), () -> "Ctrl+, opened no settings");
        return showing("Settings").orElseThrow();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }

    private static Optional<Stage> showing(String title) {
        return Window.getWindows().stream().filter(window -> window instanceof Stage stage && title.equals(stage.getTitle())
                && stage.isShowing()).map(Stage.class::cast).findFirst();
    }
}
