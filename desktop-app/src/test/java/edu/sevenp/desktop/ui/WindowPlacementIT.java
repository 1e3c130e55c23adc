package edu.sevenp.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window opens where the learner left it, fitted to the screens there are, and hands its place back on closing.
 * Each test has a stage of its own: the sizes set here would stick to the stage the other tests share.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementIT {

    @TempDir
    Path temp;

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
    }

    @AfterEach
    void closeStage(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void theWindowReopensWhereItWasLeftAndHandsItsPlaceBackOnClosing(FxRobot robot) throws Exception {
        WindowPlacement saved = new WindowPlacement(40, 30, 1000, 700, false);
        AtomicReference<WindowPlacement> kept = new AtomicReference<>();
        StartupWindow window = show(robot, saved, kept);

        assertThat(bounds()).isEqualTo(new Rectangle2D(40, 30, 1000, 700));

        robot.interact(() -> {
            stage.setX(60);
            stage.setWidth(1100);
            stage.close();
        });
        window.closed().get(10, TimeUnit.SECONDS);
        assertThat(kept.get()).isEqualTo(new WindowPlacement(60, 30, 1100, 700, false));
    }

    @Test
    void aSavedSizeBelowTheMinimumOpensAtTheMinimum(FxRobot robot) {
        show(robot, new WindowPlacement(10, 10, 500, 300, false), new AtomicReference<>());

        assertThat(bounds()).isEqualTo(new Rectangle2D(10, 10, StartupWindow.MIN_WIDTH, StartupWindow.MIN_HEIGHT));
        assertThat(stage.getMinWidth()).isEqualTo(StartupWindow.MIN_WIDTH);
        assertThat(stage.getMinHeight()).isEqualTo(StartupWindow.MIN_HEIGHT);
    }

    @Test
    void aPlaceOnAScreenThatIsGoneIsCentredOnThePrimaryScreen(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        show(robot, new WindowPlacement(screen.getMaxX() + 500, 100, 950, 600, false), new AtomicReference<>());

        assertThat(bounds()).isEqualTo(new Rectangle2D(screen.getMinX() + (screen.getWidth() - 950) / 2,
                screen.getMinY() + (screen.getHeight() - 600) / 2, 950, 600));
    }

    private StartupWindow show(FxRobot robot, WindowPlacement saved, AtomicReference<WindowPlacement> kept) {
        StartupViewModel model = new StartupViewModel(profile -> {
            throw new IllegalStateException("no profile in this test");
        }, (failure, profile) -> failure.getMessage(), temp.resolve("player.log"), UiExecutors.sameThread(),
                new LocalProfiles(temp), null, "");
        AtomicReference<StartupWindow> window = new AtomicReference<>();
        robot.interact(() -> {
            window.set(new StartupWindow(stage, model, services -> new PlayerWindow(services.learning(), services.library(),
                    services.search(), services.sync(), services.downloads(), services.imports(), UiExecutors.sameThread(), java.time.Clock.systemUTC(), ZoneOffset.UTC,
                    services.preferredCourse()), System.nanoTime(), saved, kept::set));
            window.get().show();
        });
        return window.get();
    }

    private Rectangle2D bounds() {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
