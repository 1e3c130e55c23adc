package edu.sevenp.desktop;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.institution.ConfigLocations;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.DesktopUi;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.StartupWindow;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.model.Course;
import edu.sevenp.model.Lesson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/**
 * The window started as the launcher starts it (its {@link WindowStart} and {@link DesktopUi#playerWindow}) with an
 * institution's configuration file, named as {@code --institution-config} names it: real profiles on disk, real H2.
 */
@ExtendWith(ApplicationExtension.class)
class InstitutionConfigIT {

    private static final String SCHOOL = "https://sync.school.example";
    private static final String LOCKED = "Set by your institution. It cannot be changed here.";

    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<Path> logsOpened = new CopyOnWriteArrayList<>();
    private Stage stage;
    private StartupWindow window;
    private StartupViewModel model;
    private Appearance appearance;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        close(robot);
        executors.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void lockedSettingsShowAsLockedAndHoldOverTheLearnersOwn(FxRobot robot) throws IOException {
        Path file = config("""
                serverUrl = %s
                language = en
                locked = serverUrl, language
                """.formatted(SCHOOL));
        DesktopPaths paths = new DesktopPaths(temp.resolve("data"), "schule");
        // What the learner once chose, before the institution locked it.
        Settings own = new Settings(Theme.LIGHT, 100, Language.GERMAN, "https://mine.example");
        SettingsFile.of(paths, Locale.ENGLISH).save(own);

        // The learner's profile exists already (with their settings): opened as --profile schule opens it.
        show(robot, paths.dataDirectory(), file, "schule");
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(model.profileProperty().get()).isEqualTo("schule");
        openSettings(robot);

        ChoiceBox<?> language = robot.lookup("#languageChoice").queryAs(ChoiceBox.class);
        TextField server = robot.lookup("#settingsServer").queryAs(TextField.class);
        assertThat(language.isDisabled()).isTrue();
        assertThat(language.getValue()).isEqualTo(Language.ENGLISH);
        assertThat(language.getAccessibleHelp()).isEqualTo(LOCKED);
        assertThat(robot.lookup("#languageNote").queryAs(Label.class).getText()).isEqualTo(LOCKED);
        assertThat(server.isDisabled()).isTrue();
        assertThat(server.getText()).isEqualTo(SCHOOL);
        assertThat(server.getAccessibleHelp()).isEqualTo(LOCKED);
        assertThat(robot.lookup("#serverNote").queryAs(Label.class).getText()).isEqualTo(LOCKED);
        assertThat(robot.lookup("#theme-dark").queryAs(RadioButton.class).isDisabled()).as("theme is free").isFalse();
        assertThat(robot.lookup("#themeLocked").tryQuery()).isEmpty();

        // Whatever reaches the locked choice, the institution's value holds.
        robot.interact(() -> setValue(language, Language.GERMAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(language.getValue()).isEqualTo(Language.ENGLISH);
        robot.clickOn("#theme-dark");

        Path saved = paths.profileDirectory().resolve(SettingsFile.NAME);
        await(() -> read(saved).contains("\"theme\" : \"dark\""), () -> "the theme was not saved: " + read(saved));
        assertThat(SettingsFile.of(paths, Locale.ENGLISH).load()).as("the learner's own language and server are kept")
                .contains(own.withTheme(Theme.DARK));
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("theme-dark");
    }

    @Test
    void theCourseFolderIsImportedOnTheFirstStartAndANewerVersionOnALaterOne(FxRobot robot) throws IOException {
        PackageFixture course = PackageFixture.course("Care Basics", 1, 2);
        course.writeTo(temp.resolve("courses").resolve("care-basics"));
        Path file = config("coursePackages = courses\nprofile.autoCreate = schule\n");
        Path data = temp.resolve("data");

        show(robot, data, file);
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        PlayerServices first = model.opened().join();
        assertThat(first.library().courses()).extracting(Course::title).contains("Care Basics");
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        await(() -> robot.lookup(node -> node instanceof javafx.scene.control.Labeled labeled
                && "Care Basics".equals(labeled.getText()) && labeled.isVisible()).tryQuery().isPresent(),
                () -> "the library does not list the institution's course");
        close(robot);

        course.version("1.1.0").lesson(0, 1).put("title", "Hand Hygiene");
        course.writeTo(temp.resolve("courses").resolve("care-basics"));

        show(robot, data, file);
        assertThat(model.profileProperty().get()).as("a later start: the profile made on the first").isNull();
        await(() -> robot.lookup("#profileList").tryQuery().isPresent()
                && model.profiles().selectedProperty().get() != null, () -> "no profile screen");
        robot.interact(() -> model.profiles().openSelected());
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        PlayerServices later = model.opened().join();
        Course updated = later.library().courses().stream().filter(c -> c.title().equals("Care Basics")).findFirst()
                .orElseThrow();
        assertThat(later.library().outline(updated.id()).orElseThrow().sections().get(0).lessons())
                .extracting(Lesson::title).containsExactly("Lesson 1.1", "Hand Hygiene");
    }

    @Test
    void aBrokenFileIsShownWithItsLinesAndThePlayerStillStarts(FxRobot robot) throws IOException {
        Path file = config("""
                # The school's players
                serverURL = https://sync.school.example
                theme = sepia
                profile.autoCreate = schule
                """);

        show(robot, temp.resolve("data"), file);

        await(() -> robot.lookup("#institutionBanner").tryQuery().map(Node::isVisible).orElse(false),
                () -> "no banner");
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#institutionBanner .institution-line").queryAll()).extracting(node -> ((Label) node).getText())
                .containsExactly(file + ":2: unknown key 'serverURL' (did you mean 'serverUrl'?)",
                        file + ":3: theme must be light or dark, was 'sepia'");
        assertThat(robot.lookup("#institutionHeading").queryAs(Label.class).getText())
                .isEqualTo("Your institution's setup has problems. The player started with its own defaults for these:");
        assertThat(stage.getScene().getRoot().getStyleClass()).as("the default theme").contains("theme-light");

        robot.clickOn(robot.lookup("#institutionOpenLog").queryAs(Hyperlink.class));
        assertThat(logsOpened).containsExactly(temp.resolve("data").resolve("logs").resolve("player.log"));
        robot.clickOn(robot.lookup("#institutionDismiss").queryAs(Button.class));
        assertThat(robot.lookup("#institutionBanner").query().isVisible()).isFalse();
    }

    /** The window as {@code sevenp --institution-config <file>} starts it. */
    private void show(FxRobot robot, Path data, Path configFile) {
        show(robot, data, configFile, null);
    }

    /** @param requested the profile of {@code --profile}, or null */
    private void show(FxRobot robot, Path data, Path configFile, String requested) {
        InstitutionConfig config = new ConfigLocations(Optional.of(configFile), configFile, Optional.empty()).load();
        DesktopPaths paths = new DesktopPaths(data, DesktopPaths.DEFAULT_PROFILE);
        WindowStart start = new WindowStart(paths, config, Locale.ENGLISH);
        LocalProfiles profiles = new LocalProfiles(data);
        String direct = start.profileToOpen(profiles, requested);
        Settings starting = start.startingSettings(direct != null ? direct : profiles.lastUsed().orElse(null));
        appearance = new Appearance(starting.theme(), starting.textSize());
        Function<String, SettingsContext> settings = start.settings(appearance, folder -> { });
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService searching = Executors.newSingleThreadExecutor();
        executors.add(background);
        executors.add(searching);
        model = new StartupViewModel(start.opener(), (failure, profile) -> "Could not open: " + failure.getMessage(),
                ProblemLog.inDataFolder(data, logsOpened::add), new UiExecutors(background, Platform::runLater), profiles,
                direct, "", start.notices());
        StartupViewModel shown = model;
        robot.interact(() -> {
            appearance.followAllWindows();
            window = new StartupWindow(stage, shown, services -> DesktopUi.playerWindow(services, background,
                    new UiExecutors(searching, Platform::runLater), settings.apply(shown.profileProperty().get()), null),
                    System.nanoTime());
            window.show();
        });
    }

    /** Closes the window, then the profile it opened, as the launcher does when the learner closes it. */
    private void close(FxRobot robot) {
        if (window == null) {
            return;
        }
        robot.interact(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(other -> other != stage && other instanceof Stage)
                    .forEach(other -> ((Stage) other).close());
            stage.close();
            appearance.stopFollowingWindows();
        });
        try {
            window.closed().get(10, TimeUnit.SECONDS);
            PlayerServices services = model.opened().exceptionally(failure -> null).get(60, TimeUnit.SECONDS);
            for (ExecutorService executor : executors) {
                executor.shutdown();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
            if (services != null) {
                services.close();
            }
        } catch (Exception e) {
            throw new AssertionError("the window did not close", e);
        }
        executors.clear();
        window = null;
    }

    private void openSettings(FxRobot robot) {
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await(() -> Window.getWindows().stream().anyMatch(other -> other instanceof Stage dialog
                && "Settings".equals(dialog.getTitle()) && dialog.isShowing()), () -> "Ctrl+, opened no settings");
    }

    @SuppressWarnings("unchecked")
    private static void setValue(ChoiceBox<?> choice, Object value) {
        ((ChoiceBox<Object>) choice).setValue(value);
    }

    private Path config(String text) throws IOException {
        Files.createDirectories(temp.resolve("courses"));
        return Files.writeString(temp.resolve("institution.properties"), text);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
