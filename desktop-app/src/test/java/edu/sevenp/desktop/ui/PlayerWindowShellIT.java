package edu.sevenp.desktop.ui;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ui.quiz.QuizSummary;
import edu.sevenp.desktop.ui.search.SearchRow;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Search, quizzes and the library in the real player window, by keyboard, on the bundled sample course. */
class PlayerWindowShellIT extends PlayerWindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** "Keys: Identifying Every Row", the lesson with the practice quiz on tables and keys. */
    private static final LessonId KEYS_LESSON = new LessonId(UUID.fromString("0a7efc17-fe32-4add-a94f-f4c19d66f796"));

    @TempDir
    Path temp;


    @Test
    void ctrlFThenEnterOnAHitShowsItsLesson(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("primary key");
        ListView<?> results = awaitResults(robot);
        LessonId hitLesson = ((SearchRow) results.getItems().get(0)).hit().lesson();

        robot.type(KeyCode.ENTER);

        awaitLessonTitle(robot, fixture.outline.lessonsInOrder().stream().filter(lesson -> lesson.id().equals(hitLesson))
                .findFirst().orElseThrow().title());
        assertThat(selectedTab(robot)).isEqualTo("tab-search");
    }

    @Test
    void aNoteHitOpensItsLessonAndTheNotesTab(FxRobot robot) {
        Lesson third = fixture.lesson(3);
        fixture.learning.notes().create(third.id(), "Remember the zeppelin example for normal forms.", null);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("zeppelin");
        awaitResults(robot);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        awaitLessonTitle(robot, third.title());
        assertThat(selectedTab(robot)).isEqualTo("tab-notes");
    }

    @Test
    void aQuizHitOpensItsLessonAndTheQuizzesTab(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("Section 1 review");
        ListView<?> results = awaitResults(robot);
        SearchRow first = (SearchRow) results.getItems().get(0);
        assertThat(first.typeText()).isEqualTo("Quiz");

        robot.type(KeyCode.ENTER);

        awaitLessonTitle(robot, "Keys: Identifying Every Row");
        assertThat(selectedTab(robot)).isEqualTo("tab-quizzes");
        ListView<?> quizzes = robot.lookup("#quizList").queryAs(ListView.class);
        await(() -> quizzes.getItems().stream().anyMatch(item -> ((QuizSummary) item).id().value().equals(first.hit().id())),
                () -> "the quiz list shows " + quizzes.getItems());
    }

    @Test
    void theQuizzesTabListsTheKeysLessonsPracticeQuizThenTheFinalExam(FxRobot robot) {
        robot.interact(() -> fixture.window.player().openLesson(fixture.sample, KEYS_LESSON));
        awaitLessonTitle(robot, "Keys: Identifying Every Row");

        robot.clickOn("Quizzes");
        ListView<?> quizzes = robot.lookup("#quizList").queryAs(ListView.class);
        await(() -> quizzes.getItems().size() == 2, () -> "the quiz list shows " + quizzes.getItems());

        assertThat(quizzes.getItems()).extracting(item -> ((QuizSummary) item).title())
                .containsExactly("Section 1 review: tables and keys", "Final exam: Introduction to Relational Databases");
    }

    @Test
    void ctrlLShowsTheLibraryAndEnterOpensTheCourseChosen(FxRobot robot) {
        fixture.store.importer().importPackage(PackageFixture.course("Statistics basics", 1, 2).read(temp.resolve("p")));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        ListView<?> courses = robot.lookup("#courseList").queryAs(ListView.class);
        await(() -> courses.getItems().size() == 2, () -> "the library lists " + courses.getItems());
        assertThat(robot.lookup("#outlineTree").tryQuery()).isEmpty();

        robot.write("statistics");
        robot.type(KeyCode.ENTER);

        await(() -> label(robot, "#courseTitle").equals("Statistics basics"), () -> "the course title is " + label(robot, "#courseTitle"));
        awaitLessonTitle(robot, "Lesson 1.1");
        assertThat(robot.lookup("#outlineTree").tryQuery()).isPresent();
        assertThat(robot.lookup("#courseList").tryQuery()).isEmpty();
    }

    @Test
    void escLeavesTheLibraryForTheLessonAsItWas(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#courseList").tryQuery()).isPresent();

        assertThat(robot.lookup("#libraryButton").queryAs(Button.class).getText()).isEqualTo("Back to lesson");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#courseList").tryQuery()).isEmpty();
        assertThat(label(robot, "#lessonTitle")).isEqualTo(fixture.lesson(1).title());
        assertThat(robot.lookup("#libraryButton").queryAs(Button.class).getText()).isEqualTo("Library");
    }

    @Test
    void ctrl2FromTheLibraryGoesBackToTheLesson(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#courseList").tryQuery()).isEmpty();
        assertThat(robot.lookup("#lessonView").queryAs(WebView.class).isFocused()).isTrue();
    }

    private static ListView<?> awaitResults(FxRobot robot) {
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        await(() -> !results.getItems().isEmpty(), () -> "no search results");
        return results;
    }

    private static void awaitLessonTitle(FxRobot robot, String title) {
        await(() -> label(robot, "#lessonTitle").equals(title), () -> "the lesson shown is " + label(robot, "#lessonTitle"));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String selectedTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        return tabs.getSelectionModel().getSelectedItem().getId();
    }
}
