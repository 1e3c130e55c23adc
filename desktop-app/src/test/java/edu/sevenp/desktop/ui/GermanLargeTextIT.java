package edu.sevenp.desktop.ui;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.SECTION_1_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.quiz.QuizSummary;
import edu.sevenp.desktop.ui.quiz.QuizViewModel;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.desktop.ui.testing.ClippedControls;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.desktop.ui.testing.Snapshots;
import edu.sevenp.desktop.ui.video.VideoViewModel;
import edu.sevenp.model.QuizId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of the player in German at 200 % text, in a 1024×700 window: nothing is cut off, no text ends in "…".
 * The player with its lesson, the side panel's notes, bookmarks and search, the sync panel, the sign-in dialog and
 * the settings; the library with a course in progress, the catalog signed out, and the dashboard; a quiz in the main
 * pane (practice with its review; timed and graded, with its countdown, the question before leaving it and the result
 * awaiting grading); the video lesson with its controls and captions. (The catalog signed in and the download
 * question need a server: {@link GermanLargeTextServerIT}.)
 */
@ExtendWith(ApplicationExtension.class)
class GermanLargeTextIT {

    static final double WIDTH = 1024;
    static final double HEIGHT = 700;

    private final List<String> clipped = new ArrayList<>();
    private Locale before;
    private Stage stage;
    private SettingsContext settings;
    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        settings = SettingsContext.inMemory(new Settings(Theme.LIGHT, 200, Language.GERMAN, ""));
        settings.appearance().followAllWindows();
        fixture = new PlayerWindowFixture(stage, UiExecutors.sameThread(), SyncService.Schedule.DEFAULT, settings, WIDTH,
                HEIGHT);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
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
    }

    @Test
    void noScreenIsCutOffInGermanAtTwiceTheTextSize(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#markCompleteButton").queryButton().getText()).isEqualTo("Als erledigt markieren");
        check(robot, stage.getScene(), "the player with its first lesson");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.write("Schlüssel identifizieren jede Zeile.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        ListView<?> notes = robot.lookup("#notesList").queryAs(ListView.class);
        await(() -> notes.getItems().size() == 1, () -> "the notes list shows " + notes.getItems());
        check(robot, stage.getScene(), "the notes");

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.clickOn("#tab-bookmarks-button");
        ListView<?> bookmarks = robot.lookup("#bookmarksList").queryAs(ListView.class);
        await(() -> bookmarks.getItems().size() == 1, () -> "the bookmarks list shows " + bookmarks.getItems());
        check(robot, stage.getScene(), "the bookmarks");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("primary key");
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        await(() -> !results.getItems().isEmpty(), () -> "no search results");
        check(robot, stage.getScene(), "the search");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Stage panel = awaitStage("Sync");
        check(robot, panel.getScene(), "the sync panel");

        robot.clickOn("#signInButton");
        Stage signIn = awaitStage("Anmelden");
        check(robot, signIn.getScene(), "the sign-in dialog");
        robot.interact(signIn::close);
        robot.interact(panel::close);

        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        Stage settingsDialog = awaitStage("Einstellungen");
        check(robot, settingsDialog.getScene(), "the settings");

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT).isEmpty();
    }

    @Test
    void theContentsWrapTheirTitlesBetweenWordsNeverInsideOneAtTwiceTheTextSize(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        TreeView<?> outline = robot.lookup("#outlineTree").queryAs(TreeView.class);
        List<String> broken = new ArrayList<>();

        for (int row = 0; row < outline.getExpandedItemCount(); row++) {
            int shown = row;
            robot.interact(() -> outline.scrollTo(shown));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> broken.addAll(ClippedControls.brokenWords(outline, "the contents")));
        }

        robot.interact(() -> Snapshots.save(stage.getScene(), "de-200-contents"));
        assertThat(broken).as("words broken across lines in the contents at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT)
                .isEmpty();
    }

    @Test
    void theLibraryTheCatalogAndTheDashboardAreNotCutOffInGermanAtTwiceTheTextSize(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        robot.interact(() -> fixture.learning.progress().markComplete(fixture.lesson(1).id(), 3_900));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        ListView<?> courses = robot.lookup("#courseList").queryAs(ListView.class);
        await(() -> !courses.getItems().isEmpty(), () -> "the library lists no course");
        assertThat(robot.lookup("#summaryInProgress").queryAs(Label.class).getText()).isEqualTo("1 Kurs in Arbeit");
        assertThat(robot.lookup("#summaryStudyTime").queryAs(Label.class).getText()).isEqualTo("1 Std. 05 Min. gelernt");
        check(robot, stage.getScene(), "the library");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> robot.lookup("#catalogNotice").tryQuery().map(Node::isVisible).orElse(false),
                () -> "the catalog shows no notice while signed out");
        assertThat(robot.lookup("#catalogSignIn").queryButton().getText()).isEqualTo("Anmelden\u2026");
        check(robot, stage.getScene(), "the catalog signed out");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> robot.lookup("#activeCourses").tryQuery().map(list -> !((ListView<?>) list).getItems().isEmpty())
                .orElse(false), () -> "the dashboard lists no course in progress");
        check(robot, stage.getScene(), "the dashboard");

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT).isEmpty();
    }

    @Test
    void aPracticeQuizInTheMainPaneAndItsReviewAreNotCutOffInGerman(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        check(robot, stage.getScene(), "the quiz list");

        startWithEnter(robot, SECTION_1_REVIEW);
        assertThat(robot.lookup("#submitButton").queryButton().getText()).isEqualTo("Ab_senden");
        check(robot, stage.getScene(), "the practice quiz");

        focusAndType(robot, "#q2-true", KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitText(robot, "#confirmText", "5 von 6 Fragen sind unbeantwortet. Trotzdem absenden?");
        check(robot, stage.getScene(), "the question before submitting");

        robot.type(KeyCode.ENTER);
        awaitText(robot, "#resultHeadline", "Ergebnis: 0 % (0 von 6 Punkten)");
        assertThat(robot.lookup("#verdict-2").queryAs(Label.class).getText()).isEqualTo("Falsch");
        check(robot, stage.getScene(), "the practice quiz's review");

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT).isEmpty();
    }

    @Test
    void aTimedGradedQuizWithItsCountdownLeaveQuestionAndResultIsNotCutOffInGerman(FxRobot robot) {
        StoreAccess.dsl(fixture.store).update(COURSE_QUIZZES).set(COURSE_QUIZZES.TIME_LIMIT, 30)
                .where(COURSE_QUIZZES.ID.eq(FINAL_EXAM.value())).execute();
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        awaitText(robot, "#countdown", "Noch 30:00");
        check(robot, stage.getScene(), "the timed graded quiz");

        fixture.clock.advance(Duration.ofMinutes(29).plusSeconds(30));
        awaitText(robot, "#countdown", "Noch 0:30");
        check(robot, stage.getScene(), "the timed quiz running out");

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        awaitText(robot, "#leaveText", "„Final exam: Introduction to Relational Databases“ verlassen, ohne abzusenden? Ihre"
                + " Antworten gehen verloren, und dieser Versuch zählt nicht. Um sie zu behalten, bleiben Sie und senden Sie sie ab.");
        check(robot, stage.getScene(), "the leave question");
        robot.type(KeyCode.ESCAPE);
        await(() -> !robot.lookup("#leaveBar").query().isVisible(), () -> "Esc did not stay with the attempt");

        focusAndType(robot, "#q3-false", KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitText(robot, "#confirmText", "9 von 10 Fragen sind unbeantwortet. Trotzdem absenden?");
        check(robot, stage.getScene(), "the graded quiz's question before submitting");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#resultHeadline", "Wartet auf die Bewertung");
        check(robot, stage.getScene(), "the graded attempt awaiting grading");

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT).isEmpty();
    }

    @Test
    void theVideoLessonWithItsControlsAndCaptionsIsNotCutOffInGerman(FxRobot robot) {
        robot.interact(() -> fixture.window.player().openLesson(fixture.sample, SampleCourseStore.RECAP_LESSON));
        VideoViewModel video = fixture.window.video();
        await(() -> video.readyProperty().get(), () -> "the video never got ready; it says: " + video.messageProperty().get());
        robot.interact(() -> {
            fixture.window.videoView().focus();
            video.setRate(1.5);
            video.seekTo(5);
        });
        await(() -> robot.lookup("#videoCaption").queryAs(Label.class).isVisible(), () -> "no caption at 0:05");
        assertThat(robot.lookup("#videoSpeed").queryComboBox().getButtonCell().getText()).isEqualTo("1,5×");
        assertThat(robot.lookup("#videoPlay").queryButton().getText()).isEqualTo("▶ Abspielen");
        check(robot, stage.getScene(), "the video lesson with captions");

        robot.type(KeyCode.C);
        await(() -> !robot.lookup("#videoCaptions").queryAs(ToggleButton.class).isSelected(), () -> "C left the captions on");
        robot.type(KeyCode.SPACE);
        await(() -> video.playingProperty().get(), () -> "the video never played; it says: " + video.messageProperty().get());
        robot.type(KeyCode.K);
        await(() -> !video.playingProperty().get(), () -> "K never paused the video");
        check(robot, stage.getScene(), "the video lesson without captions");

        assertThat(clipped).as("cut off in German at 200 %% in a %.0f×%.0f window", WIDTH, HEIGHT).isEmpty();
    }

    /** Opens the lesson on keys and the side panel's quizzes, which list the lesson's review and the final exam. */
    private void openKeysLessonQuizzes(FxRobot robot) {
        robot.interact(() -> fixture.window.player().openLesson(fixture.sample, SampleCourseStore.KEYS_LESSON));
        fixture.awaitPageContaining(robot, "Keys: Identifying Every Row");
        robot.clickOn("#tab-quizzes-button");
        ListView<?> list = robot.lookup("#quizList").queryAs(ListView.class);
        await(() -> list.getItems().size() == 2, () -> "the quiz list shows " + list.getItems());
    }

    /** Chooses the quiz in the side panel's list and starts it with Enter, as a learner does. */
    private void startWithEnter(FxRobot robot, QuizId quiz) {
        ListView<?> list = robot.lookup("#quizList").queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((QuizSummary) list.getItems().get(i)).id().equals(quiz)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        robot.type(KeyCode.ENTER);
        await(() -> fixture.window.quizzes().phaseProperty().get() == QuizViewModel.Phase.TAKING,
                () -> "the attempt never started: " + fixture.window.quizzes().listErrorProperty().get());
    }

    private static void focusAndType(FxRobot robot, String query, KeyCode key) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        robot.type(key);
    }

    private static void awaitText(FxRobot robot, String query, String text) {
        await(() -> robot.lookup(query).tryQuery().map(node -> text.equals(((Label) node).getText())).orElse(false),
                () -> query + " reads \"" + robot.lookup(query).tryQuery().map(node -> ((Label) node).getText())
                        .orElse("(none)") + "\", not \"" + text + "\"");
    }

    /** Collects what is cut off in {@code scene}, and whether its window fits on a 1024×700 screen. */
    private void check(FxRobot robot, Scene scene, String screen) {
        clipped.addAll(cutOff(robot, scene, screen));
    }

    /**
     * What is cut off in {@code scene}, and whether its window is larger than a 1024×700 screen; saves a snapshot.
     * For the tests beside this one that need a server.
     */
    static List<String> cutOff(FxRobot robot, Scene scene, String screen) {
        List<String> found = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            found.addAll(ClippedControls.in(scene, screen));
            Snapshots.save(scene, "de-200-" + screen.replaceAll("[^a-z]+", "-"));
            Window window = scene.getWindow();
            if (window.getWidth() > WIDTH + 1 || window.getHeight() > HEIGHT + 1) {
                found.add(String.format(Locale.ROOT, "%s: the window is %.0f×%.0f", screen, window.getWidth(),
                        window.getHeight()));
            }
        });
        return found;
    }

    static Stage awaitStage(String title) {
        await(() -> showing(title).isPresent(), () -> "no window \"" + title + "\" opened");
        return showing(title).orElseThrow();
    }

    private static Optional<Stage> showing(String title) {
        return Window.getWindows().stream().filter(window -> window instanceof Stage stage && title.equals(stage.getTitle())
                && stage.isShowing()).map(Stage.class::cast).findFirst();
    }
}
