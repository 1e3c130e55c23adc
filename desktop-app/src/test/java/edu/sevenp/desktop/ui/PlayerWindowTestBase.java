package edu.sevenp.desktop.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real player window on the bundled sample course, showing its first lesson before each test.
 * TestFX looks for {@code @Start} on the test class only, so each subclass declares one calling {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class PlayerWindowTestBase {

    protected PlayerWindowFixture fixture;

    protected void open(Stage stage) {
        fixture = new PlayerWindowFixture(stage);
    }

    @BeforeEach
    void awaitFirstLesson(FxRobot robot) {
        fixture.awaitPageContaining(robot, "Why Databases?");
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }
}
