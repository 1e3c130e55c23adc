package edu.sevenp.desktop.ui.sync;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The sync indicator, panel and sign-in dialog of the real window on a fresh profile, with no server around. */
class SyncIndicatorIT extends PlayerWindowTestBase {

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        fixture = new PlayerWindowFixture(stage, new UiExecutors(background, Platform::runLater));
    }

    @AfterEach
    void stopBackground(FxRobot robot) {
        closeDialogs(robot);
        background.shutdownNow();
    }

    /** TestFX keeps its stage from test to test: the panel and dialog over it go with the test that opened them. */
    static void closeDialogs(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(window -> window instanceof Stage stage && stage.getOwner() != null).forEach(Window::hide));
    }

    @Test
    void aFreshProfileSaysNotSignedIn(FxRobot robot) {
        await(() -> indicator(robot).getText().equals("⟳ Not signed in"), () -> "the indicator says " + indicator(robot).getText());
        assertThat(indicator(robot).getTooltip().getText()).startsWith("Last synced: never");
    }

    @Test
    void ctrlShiftSOpensThePanelWhichOffersSignIn(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);

        await(() -> visible(robot, "#signInButton"), () -> "the sync panel never offered to sign in");
        assertThat(text(robot, "#syncPanelState")).isEqualTo("Not signed in");
        assertThat(text(robot, "#syncAccount")).startsWith("This profile works offline on this computer.");
        assertThat(text(robot, "#syncLastSync")).isEqualTo("Never synced.");
        await(() -> !text(robot, "#syncPending").isEmpty(), () -> "the panel never said what waits");
        assertThat(visible(robot, "#syncNowButton")).as("no Sync now before signing in").isFalse();
    }

    @Test
    void theIndicatorTakesTheFocusAndSpaceOpensThePanel(FxRobot robot) {
        robot.interact(() -> indicator(robot).requestFocus());
        assertThat(indicator(robot).isFocused()).isTrue();

        robot.type(KeyCode.SPACE);

        await(() -> visible(robot, "#signInButton"), () -> "the sync panel never opened");
    }

    @Test
    void anAddressThatIsNoServersIsSaidInTheDialogAndEscCancels(FxRobot robot) {
        robot.interact(fixture.window::showSyncPanel);
        await(() -> visible(robot, "#signInButton"), () -> "the sync panel never opened");
        robot.clickOn("#signInButton");
        await(() -> visible(robot, "#serverField"), () -> "the sign-in dialog never opened");

        robot.clickOn("#serverField").write("not a server");
        robot.clickOn("#emailField").write("ana@example.org");
        robot.clickOn("#passwordField").write("secret");
        robot.type(KeyCode.ENTER);

        await(() -> visible(robot, "#signInError"), () -> "no message in the dialog");
        assertThat(text(robot, "#signInError")).isEqualTo("Enter the server's address, such as https://sync.example.org.");
        assertThat(robot.lookup("#emailField").queryAs(TextField.class).getText()).isEqualTo("ana@example.org");

        robot.type(KeyCode.ESCAPE);

        await(() -> !visible(robot, "#serverField"), () -> "Esc did not close the dialog");
        assertThat(indicator(robot).getText()).isEqualTo("⟳ Not signed in");
    }

    private static Button indicator(FxRobot robot) {
        return robot.lookup("#syncIndicator").queryAs(Button.class);
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> node.isVisible() && node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()).orElse(false);
    }

    static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
