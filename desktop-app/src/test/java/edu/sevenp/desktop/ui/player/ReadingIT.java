package edu.sevenp.desktop.ui.player;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The player reopens where the learner left off, and lesson pages use the room they have. */
@ExtendWith(ApplicationExtension.class)
class ReadingIT {

    private static final String SCROLL_FRACTION = "(function () { var range = document.documentElement.scrollHeight"
            + " - window.innerHeight; return range > 0 ? window.scrollY / range : -1; })()";

    @TempDir
    Path temp;

    private Stage stage;
    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new PlayerWindowFixture(stage);
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Test
    void reopeningTheProfileLandsOnTheLastLessonWhereItWasLeft(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        robot.clickOn("2. Combining Tables with Joins  ·  4 min");
        fixture.awaitPageContaining(robot, "A join puts the pieces back together");
        scrollTo(robot, 0.5);

        robot.interact(() -> fixture.reopen(stage));

        fixture.awaitPageContaining(robot, "A join puts the pieces back together");
        assertThat(robot.lookup("#lessonTitle").queryAs(Label.class).getText()).isEqualTo("Combining Tables with Joins");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson 5 of 11 · Asking Questions with SQL");
        awaitScrolledTo(robot, 0.5);
    }

    @Test
    void aTextLessonComesBackAtTheReadingPositionItWasLeftAt(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        scrollTo(robot, 0.6);

        robot.clickOn("#nextButton");
        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");
        assertThat(fixture.learning.resume().readingPosition(fixture.lesson(1).id())).isCloseTo(0.6, within(0.02));
        assertThat(fraction(robot)).isZero();
        robot.clickOn("#previousButton");

        fixture.awaitPageContaining(robot, "Why Databases?");
        awaitScrolledTo(robot, 0.6);
    }

    @Test
    void aLessonWithAnEmptyBodySaysSo(FxRobot robot) {
        PackageFixture unwritten = PackageFixture.course("Unwritten", 1, 1);
        unwritten.addLesson(unwritten.section(0), "Nothing here yet", "");
        Lesson empty = importAndPick(unwritten, 1);

        robot.interact(() -> fixture.window.player().openLesson(empty.courseId(), empty.id()));

        fixture.awaitPageContaining(robot, "This lesson has no text yet.");
        assertThat(robot.lookup("#lessonTitle").queryAs(Label.class).getText()).isEqualTo("Nothing here yet");
    }

    @Test
    void aWideTableScrollsInsideTheLessonAndNothingIsCutOff(FxRobot robot) {
        PackageFixture wide = PackageFixture.course("Wide", 1, 1);
        wide.addLesson(wide.section(0), "A wide table", wideTable() + "\n```\n" + "SELECT " + "column_name, ".repeat(40)
                + "last_column FROM a_table;\n```\n");
        Lesson lesson = importAndPick(wide, 1);

        robot.interact(() -> fixture.window.player().openLesson(lesson.courseId(), lesson.id()));
        fixture.awaitPageContaining(robot, "LAST_COLUMN");

        // The page itself never scrolls sideways: the table and the code block scroll inside it.
        assertThat(script(robot, "document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        assertThat(script(robot, "(function () { var t = document.querySelector('table');"
                + " return t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === 'auto'"
                + " && t.getBoundingClientRect().right <= window.innerWidth; })()")).isEqualTo(true);
        // The last column can be scrolled to in full.
        assertThat(script(robot, "(function () { var t = document.querySelector('table'); t.scrollLeft = t.scrollWidth;"
                + " var cell = t.querySelector('th:last-child').getBoundingClientRect();"
                + " return cell.right <= t.getBoundingClientRect().right + 1; })()")).isEqualTo(true);
        assertThat(script(robot, "(function () { var p = document.querySelector('pre');"
                + " return p.scrollWidth > p.clientWidth && p.getBoundingClientRect().right <= window.innerWidth; })()"))
                .isEqualTo(true);
    }

    private Lesson importAndPick(PackageFixture course, int index) {
        CourseId id = fixture.store.importer().importPackage(course.read(temp.resolve(course.course().get("slug").asText())))
                .courseId();
        List<Lesson> lessons = fixture.store.courses().outline(id).orElseThrow().lessonsInOrder();
        return lessons.get(index);
    }

    private static String wideTable() {
        StringBuilder table = new StringBuilder("\n|");
        for (int column = 1; column <= 14; column++) {
            table.append(column == 14 ? " LAST_COLUMN |" : " column_number_" + column + " |");
        }
        table.append("\n|").append("---|".repeat(14)).append("\n|");
        for (int column = 1; column <= 14; column++) {
            table.append(" a rather long value ").append(column).append(" |");
        }
        return table.append('\n').toString();
    }

    private void scrollTo(FxRobot robot, double fraction) {
        script(robot, "window.scrollTo(0, " + fraction + " * (document.documentElement.scrollHeight - window.innerHeight))");
        assertThat(fraction(robot)).isCloseTo(fraction, within(0.01));
    }

    private void awaitScrolledTo(FxRobot robot, double expected) {
        await(() -> Math.abs(fraction(robot) - expected) < 0.02,
                () -> "the lesson was never scrolled to " + expected + "; it is at " + fraction(robot));
    }

    private double fraction(FxRobot robot) {
        return ((Number) script(robot, SCROLL_FRACTION)).doubleValue();
    }

    private static Object script(FxRobot robot, String script) {
        WebView view = robot.lookup("#lessonView").queryAs(WebView.class);
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> view.getEngine().executeScript(script));
    }
}
