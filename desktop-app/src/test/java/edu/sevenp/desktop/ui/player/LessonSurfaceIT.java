package edu.sevenp.desktop.ui.player;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.common.LessonRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first lesson is on screen before WebKit has loaded: drawn with JavaFX text, then the web view takes over (at
 * the place the learner has scrolled to), and every later lesson loads in the web view.
 */
@ExtendWith(ApplicationExtension.class)
class LessonSurfaceIT {

    private Stage stage;
    private PlayerWindowFixture fixture;
    /** What the window showed as soon as it had started, before any pulse. */
    private boolean drawnAtStart;
    private boolean webViewAtStart;
    private String drawnText;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new PlayerWindowFixture(stage);
        Parent root = fixture.window.root();
        drawnAtStart = root.lookup(".drawn-lesson") != null;
        webViewAtStart = root.lookup("#lessonView") != null;
        drawnText = drawnAtStart ? text(root.lookup(".drawn-lesson")) : "";
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Test
    void theFirstLessonIsDrawnBeforeWebKitLoadsAndTheWebViewTakesOver(FxRobot robot) {
        assertThat(drawnAtStart).as("the first lesson drawn without WebKit").isTrue();
        assertThat(webViewAtStart).as("no web view yet").isFalse();
        assertThat(drawnText).contains("Why Databases?");

        fixture.awaitPageContaining(robot, "Why Databases?");
        await(() -> robot.lookup(".drawn-lesson").tryQuery().isEmpty(), () -> "the drawn lesson never gave way");

        LessonRef first = new LessonRef(fixture.sample, fixture.lesson(1).id());
        assertThat(fixture.window.view().lessonDrawnProperty().get()).isEqualTo(first);
        assertThat(fixture.window.view().pageLoadedProperty().get()).isEqualTo(first);
    }

    @Test
    void laterLessonsLoadInTheWebViewWithNothingDrawn(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        WebView web = robot.lookup("#lessonView").queryAs(WebView.class);

        robot.clickOn("#nextButton");

        fixture.awaitPageContaining(robot, "A relational database stores data in tables");
        assertThat(robot.lookup("#lessonView").queryAs(WebView.class)).isSameAs(web);
        assertThat(robot.lookup(".drawn-lesson").tryQuery()).isEmpty();
        assertThat(fixture.window.view().pageLoadedProperty().get().lesson()).isEqualTo(fixture.lesson(2).id());
    }

    @Test
    void aReopenedWindowDrawsTheLessonWhereItWasReadAndTheWebViewKeepsThatPlace(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
        robot.interact(() -> robot.lookup("#lessonView").queryAs(WebView.class).getEngine().executeScript(
                "window.scrollTo(0, 0.5 * (document.documentElement.scrollHeight - window.innerHeight))"));
        PlayerWindow[] reopened = new PlayerWindow[1];
        CompletableFuture<Double> drawnAt = new CompletableFuture<>();

        robot.interact(() -> {
            reopened[0] = fixture.reopen(stage);
            // Read when the lesson has been drawn, before the web view is even made.
            reopened[0].view().lessonDrawnProperty().addListener((property, old, lesson) -> {
                ScrollPane drawn = (ScrollPane) reopened[0].root().lookup(".drawn-lesson");
                drawnAt.complete(drawn == null ? Double.NaN : drawn.getVvalue());
            });
        });

        assertThat(drawnAt).succeedsWithin(Duration.ofSeconds(20)).satisfies(
                position -> assertThat(position).isCloseTo(0.5, within(0.02)));
        await(() -> reopened[0].root().lookup(".drawn-lesson") == null && reopened[0].view().pageLoadedProperty().get() != null,
                () -> "the web view never took over");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> reopened[0].view().readingPosition())).isCloseTo(0.5, within(0.03));
    }

    private static String text(Node node) {
        List<Text> found = new ArrayList<>();
        collect(node, found);
        return found.stream().map(Text::getText).collect(Collectors.joining());
    }

    private static void collect(Node node, List<Text> found) {
        if (node instanceof Text text) {
            found.add(text);
        } else if (node instanceof ScrollPane scroll) {
            collect(scroll.getContent(), found); // a scroll pane's children are its skin's, made at its first pulse
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
