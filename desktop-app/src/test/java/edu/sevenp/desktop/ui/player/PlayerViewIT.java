package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.learning.ProgressStatus;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real player window (headless, Monocle) on the bundled sample course. */
@ExtendWith(ApplicationExtension.class)
class PlayerViewIT {

    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new PlayerWindowFixture(stage);
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Test
    void opensOnTheSampleCourseAndItsFirstLesson(FxRobot robot) {
        assertThat(robot.lookup("#courseTitle").queryAs(Label.class).getText())
                .isEqualTo("Introduction to Relational Databases");
        fixture.awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson 1 of 11 · What a Database Is For");
    }

    @Test
    void selectingALessonInTheOutlineShowsItsContent(FxRobot robot) {
        robot.clickOn("2. Combining Tables with Joins  ·  4 min");

        fixture.awaitPageContaining(robot, "A join puts the pieces back together");
        assertThat(robot.lookup("#lessonTitle").queryAs(Label.class).getText()).isEqualTo("Combining Tables with Joins");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson 5 of 11 · Asking Questions with SQL");
    }

    @Test
    void theKeyboardMovesThroughLessons(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);

        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");
        assertThat(robot.lookup("#previousButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void theNextButtonMovesOn(FxRobot robot) {
        robot.clickOn("#nextButton");

        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");
    }

    @Test
    void theOpenLessonShowsAsInProgressInTheOutline(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");

        assertThat(cellOf(robot, fixture.lesson(1)).getAccessibleText()).endsWith(", in progress");
        assertThat(glyphOf(robot, fixture.lesson(1))).isEqualTo("◐");
        assertThat(cellOf(robot, fixture.lesson(2)).getAccessibleText()).endsWith(", not started");
        assertThat(fixture.learning.progress().progress(fixture.lesson(1).id()).orElseThrow().status())
                .isEqualTo(ProgressStatus.IN_PROGRESS);
    }

    @Test
    void markCompleteByKeyboardUpdatesTheOutlineAndTheProgressBar(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");

        robot.press(KeyCode.ALT, KeyCode.M).release(KeyCode.M, KeyCode.ALT);

        PlayerWindowFixture.await(() -> "✔".equals(glyphOf(robot, fixture.lesson(1))),
                () -> "the outline shows " + cellOf(robot, fixture.lesson(1)).getAccessibleText());
        assertThat(cellOf(robot, fixture.lesson(1)).getAccessibleText()).endsWith(", completed");
        assertThat(robot.lookup("#courseProgressText").queryAs(Label.class).getText()).isEqualTo("1 of 11 lessons complete · 9%");
        assertThat(robot.lookup("#courseProgressBar").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.0909);
        assertThat(robot.lookup("#markCompleteButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson marked complete.");
    }

    @Test
    void theMarkCompleteButtonWorksToo(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");

        robot.clickOn("#markCompleteButton");

        assertThat(fixture.learning.progress().progress(fixture.lesson(1).id()).orElseThrow().status())
                .isEqualTo(ProgressStatus.COMPLETED);
        assertThat(robot.lookup("#markCompleteButton").queryAs(Button.class).getText()).isEqualTo("✔ Completed");
    }

    @Test
    void leavingALessonRecordsTheTimeSpentOnIt(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        fixture.clock.advance(Duration.ofSeconds(83));

        robot.clickOn("#nextButton");

        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");
        assertThat(fixture.learning.progress().progress(fixture.lesson(1).id()).orElseThrow().totalTimeSpent()).isEqualTo(83);
        assertThat(fixture.learning.progress().progress(fixture.lesson(2).id()).orElseThrow().totalTimeSpent()).isZero();
    }

    @Test
    void closingTheWindowRecordsTheTimeNotYetReported(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        fixture.clock.advance(Duration.ofSeconds(41));

        robot.interact(fixture.window::close);

        assertThat(fixture.learning.progress().progress(fixture.lesson(1).id()).orElseThrow().totalTimeSpent()).isEqualTo(41);
    }

    @SuppressWarnings("unchecked")
    private static TreeCell<OutlineNode> cellOf(FxRobot robot, Lesson lesson) {
        return robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getItem() != null && lesson.id().equals(((OutlineNode) cell.getItem()).lesson()))
                .map(cell -> (TreeCell<OutlineNode>) cell)
                .findFirst().orElseThrow(() -> new AssertionError("no outline row for " + lesson.title()));
    }

    private static String glyphOf(FxRobot robot, Lesson lesson) {
        return ((Label) cellOf(robot, lesson).getGraphic()).getText();
    }
}
