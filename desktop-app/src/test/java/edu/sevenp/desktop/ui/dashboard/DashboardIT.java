package edu.sevenp.desktop.ui.dashboard;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The dashboard in the real window, offline, on the bundled sample course: by keyboard and by its header button. */
class DashboardIT extends PlayerWindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlShiftDShowsTheDashboardAndEnterContinuesTheCourse(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);

        await(() -> robot.lookup("#activeCourses").tryQuery().isPresent()
                && !robot.lookup("#activeCourses").queryAs(ListView.class).getItems().isEmpty(),
                () -> "the dashboard never listed the sample course in progress");
        assertThat(text(robot, "#activeStat")).isEqualTo("1 course in progress");
        assertThat(text(robot, "#completedStat")).isEqualTo("No course completed yet");
        assertThat(robot.lookup("#dashboardButton").queryAs(Button.class).getText()).isEqualTo("Back to lesson");
        assertThat(robot.lookup("#achievements").queryAs(FlowPane.class).getChildren()).hasSize(8);
        assertThat(robot.lookup("#recommendations").queryAs(ListView.class).getItems()).isEmpty();
        assertThat(text(robot, "#recommendationSource")).startsWith("Offline suggestions");
        ListView<?> active = robot.lookup("#activeCourses").queryAs(ListView.class);
        await(active::isFocused, () -> "the keyboard is not in the list of courses in progress");

        robot.type(KeyCode.ENTER);

        await(() -> robot.lookup("#dashboard").tryQuery().map(node -> node.getScene() == null).orElse(true),
                () -> "Enter did not leave the dashboard for the course");
        fixture.awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#dashboardButton").queryAs(Button.class).getText()).isEqualTo("Dashboard");
    }

    @Test
    void theHeaderButtonOpensItAndEscGoesBackToTheLesson(FxRobot robot) {
        robot.clickOn("#dashboardButton");
        await(() -> robot.lookup("#activeStat").tryQuery().isPresent(), () -> "the dashboard never showed");

        robot.type(KeyCode.ESCAPE);

        await(() -> robot.lookup("#activeStat").tryQuery().map(node -> node.getScene() == null).orElse(true),
                () -> "Esc did not go back to the lesson");
        robot.push(KeyCode.CONTROL, KeyCode.L);
        await(() -> robot.lookup("#courseList").tryQuery().isPresent(), () -> "Ctrl+L did not show the library");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        await(() -> robot.lookup("#activeStat").tryQuery().isPresent(),
                () -> "Ctrl+Shift+D from the library (its filter field has the focus) did not show the dashboard");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
