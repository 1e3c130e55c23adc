package edu.sevenp.desktop.ui.sync;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.closeDialogs;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.text;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.visible;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Making an account from the sign-in dialog, and the account page's devices, against the real sync server (in this
 * JVM, over an embedded PostgreSQL), with the window's work on its own threads as in the app.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountIT extends PlayerWindowTestBase {


    private RunningServer server;
    private Accounts accounts;
    private ExecutorService background;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        fixture = new PlayerWindowFixture(stage, new UiExecutors(background, Platform::runLater), SyncEngines.NO_CHANNEL);
    }

    @AfterEach
    void stopBackground(FxRobot robot) {
        closeDialogs(robot);
        background.shutdownNow();
    }

    @Test
    void anAccountMadeInTheSignInDialogSignsTheProfileIn(FxRobot robot) {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        openCreateAccount(robot);

        fill(robot, "#serverField", server.baseUrl());
        fill(robot, "#nameField", "Ana Lima");
        fill(robot, "#emailField", email);
        fill(robot, "#passwordField", Accounts.PASSWORD);
        robot.clickOn("#passwordAgainField").write(Accounts.PASSWORD).type(KeyCode.ENTER);

        awaitIndicator(robot, "⟳ Up to date");
        assertThat(visible(robot, "#serverField")).as("the dialog closed").isFalse();
        assertThat(text(robot, "#syncAccount")).isEqualTo("Signed in to " + server.baseUrl() + " as " + email + ".");
        assertThat(accounts.signIn(email, UUID.randomUUID()).grant().user().name()).isEqualTo("Ana Lima");
    }

    @Test
    void theServersRulesForANewAccountAreSaidInPlainWords(FxRobot robot) {
        String taken = accounts.learner("Taken").email();
        openCreateAccount(robot);
        fill(robot, "#serverField", server.baseUrl());
        fill(robot, "#nameField", "Ana Lima");

        tryAccount(robot, "ana@localhost", Accounts.PASSWORD);
        awaitError(robot, "The server does not take this e-mail address. Enter a whole address, such as ana@example.org.");

        tryAccount(robot, "ana-" + UUID.randomUUID() + "@example.org", "short");
        awaitError(robot, "The password must be 8 to 200 characters long, and not only spaces.");

        tryAccount(robot, taken, Accounts.PASSWORD);
        awaitError(robot, "There is already an account for " + taken + ". Sign in with it instead, or use another e-mail"
                + " address.");

        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("Ana Lima");
        assertThat(robot.lookup("#syncIndicator").queryAs(Button.class).getText()).isEqualTo("⟳ Not signed in");
    }

    @Test
    void theAccountPageListsTheDevicesAndSignsAnotherOneOut(FxRobot robot) throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        signIn(ana);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);

        await(() -> devices(robot).size() == 2, () -> "the page lists " + devices(robot));
        assertThat(devices(robot)).extracting(DeviceItem::name, DeviceItem::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UI test", true),
                        org.assertj.core.groups.Tuple.tuple("Test device", false));
        assertThat(devices(robot).get(1).detail()).startsWith("Linux · app test · last seen ");
        assertThat(text(robot, "#accountSummary")).isEqualTo("Signed in to " + server.baseUrl() + " as " + ana.email() + ".");

        robot.interact(() -> deviceList(robot).getSelectionModel().select(1));
        robot.interact(() -> deviceList(robot).requestFocus());
        robot.type(KeyCode.DELETE);
        await(() -> visible(robot, "#revokeQuestion"), () -> "no question was asked");
        assertThat(text(robot, "#revokeQuestion")).startsWith("Sign \u201cTest device\u201d out of your account?");
        robot.clickOn("#confirmRevokeButton");

        await(() -> devices(robot).size() == 1, () -> "the page lists " + devices(robot));
        assertThat(text(robot, "#accountMessage")).isEqualTo("\u201cTest device\u201d was signed out of your account.");
        assertThat(text(robot, "#devicesSignedOutBefore")).isEqualTo("1 device signed out earlier is not listed.");
        assertThat(ana.api().get("/api/v1/me").error()).as("the other device is refused").isEqualTo("device_revoked");
        assertThat(fixture.sync.status().account()).as("this one stays signed in").isNotNull();

        // The README's key: Esc closes the page, also with the focus in the list of devices.
        robot.interact(() -> deviceList(robot).requestFocus());
        robot.type(KeyCode.ESCAPE);
        await(() -> !visible(robot, "#accountSummary"), () -> "Esc left the account page open");
    }

    @Test
    void signingThisComputerOutFromTheAccountPageSignsTheProfileOutAndKeepsItsWork(FxRobot robot) throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        signIn(ana);
        robot.interact(fixture.window::showAccount);
        await(() -> devices(robot).size() == 2, () -> "the page lists " + devices(robot));

        robot.interact(() -> deviceList(robot).getSelectionModel().select(0));
        robot.clickOn("#revokeDeviceButton");
        await(() -> visible(robot, "#revokeQuestion"), () -> "no question was asked");
        assertThat(text(robot, "#revokeQuestion")).startsWith("\u201cUI test\u201d is this computer.");
        robot.clickOn("#confirmRevokeButton");

        awaitIndicator(robot, "⟳ Not signed in");
        await(() -> text(robot, "#accountMessage").startsWith("This computer was signed out of the account."),
                () -> "the page says " + text(robot, "#accountMessage"));
        assertThat(devices(robot)).isEmpty();
        assertThat(fixture.store.courses().courseCount()).as("the profile's data stays").isEqualTo(1);
    }

    private void signIn(Accounts.SignedIn account) throws Exception {
        fixture.sync.signIn(URI.create(server.baseUrl()), account.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);
    }

    private static void openCreateAccount(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> visible(robot, "#signInButton"), () -> "the sync panel never offered to sign in");
        robot.clickOn("#signInButton");
        await(() -> visible(robot, "#serverField"), () -> "the sign-in dialog never opened");
        robot.clickOn("#signInModeLink");
        await(() -> visible(robot, "#nameField"), () -> "the dialog never asked for a name");
        assertThat(text(robot, "#signInHeading")).isEqualTo("Create an account on a sync server");
    }

    /** Types the new account's address and password (twice) and presses Enter. */
    private static void tryAccount(FxRobot robot, String email, String password) {
        fill(robot, "#emailField", email);
        fill(robot, "#passwordField", password);
        fill(robot, "#passwordAgainField", password);
        robot.clickOn("#passwordAgainField").type(KeyCode.ENTER);
    }

    /** Puts {@code text} in a field at once: typing it key by key takes a second per ten characters here. */
    private static void fill(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).setText(text));
    }

    private static void awaitError(FxRobot robot, String error) {
        await(() -> visible(robot, "#signInError") && text(robot, "#signInError").equals(error),
                () -> "the dialog says \"" + text(robot, "#signInError") + "\", not \"" + error + "\"");
    }

    private static void awaitIndicator(FxRobot robot, String text) {
        Button indicator = robot.lookup("#syncIndicator").queryAs(Button.class);
        await(() -> indicator.getText().equals(text), () -> "the indicator says \"" + indicator.getText() + "\", not \""
                + text + "\"; tooltip: " + indicator.getTooltip().getText());
    }

    @SuppressWarnings("unchecked")
    private static ListView<DeviceItem> deviceList(FxRobot robot) {
        return robot.lookup("#deviceList").queryAs(ListView.class);
    }

    private static List<DeviceItem> devices(FxRobot robot) {
        return robot.lookup("#deviceList").tryQuery().map(list -> List.copyOf(deviceList(robot).getItems())).orElse(List.of());
    }
}
