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
import edu.sevenp.model.LessonId;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The real window signing in and syncing through its indicator, panel and dialog against the real sync server (in
 * this JVM, over an embedded PostgreSQL), with the engine and the window's work on their own threads as in the app.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncPanelIT extends PlayerWindowTestBase {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;
    private ExecutorService background;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Ines").user();
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
    void signingInThroughTheDialogEndsUpToDateAndSigningOutKeepsThePlayerWorking(FxRobot robot) {
        Accounts.SignedIn ana = accounts.learner("Ana");
        openSignIn(robot);

        signIn(robot, server.baseUrl(), ana.email(), Accounts.PASSWORD);

        // The enrollment in the bundled sample course, which this server does not have, is sent, answered not_found
        // and kept here with the course's other changes: nothing refused.
        awaitIndicator(robot, "⟳ Up to date");
        assertThat(visible(robot, "#serverField")).as("the dialog closed").isFalse();
        await(() -> !text(robot, "#syncHeld").isEmpty(), () -> "the panel says nothing is kept here");
        assertThat(rejected(robot)).isEmpty();
        assertThat(text(robot, "#syncAccount")).isEqualTo("Signed in to " + server.baseUrl() + " as " + ana.email() + ".");
        assertThat(text(robot, "#syncLastSync")).startsWith("Last synced ");
        assertThat(visible(robot, "#syncNowButton")).isTrue();

        robot.clickOn("#signOutButton");
        await(() -> visible(robot, "#confirmSignOutButton"), () -> "signing out did not ask first");
        assertThat(text(robot, "#signOutDetails")).startsWith("Everything stays on this computer");
        robot.clickOn("#confirmSignOutButton");

        awaitIndicator(robot, "⟳ Not signed in");
        await(() -> text(robot, "#syncMessage").startsWith("Signed out. Everything on this computer is kept"),
                () -> "the panel says " + text(robot, "#syncMessage"));
        await(() -> visible(robot, "#signInButton"), () -> "the panel does not offer to sign in again");
        assertThat(fixture.sync.status().account()).isNull();
    }

    @Test
    void aWrongPasswordIsSaidInTheDialogKeepingAddressAndEmail(FxRobot robot) {
        Accounts.SignedIn ana = accounts.learner("Ana");
        openSignIn(robot);

        signIn(robot, server.baseUrl(), ana.email(), "not the password");

        await(() -> visible(robot, "#signInError"), () -> "no message in the dialog");
        assertThat(text(robot, "#signInError")).isEqualTo("The e-mail address or the password is wrong.");
        assertThat(robot.lookup("#serverField").queryAs(TextField.class).getText()).isEqualTo(server.baseUrl());
        assertThat(robot.lookup("#emailField").queryAs(TextField.class).getText()).isEqualTo(ana.email());
        assertThat(robot.lookup("#passwordField").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(robot.lookup("#syncIndicator").queryAs(Button.class).getText()).isEqualTo("⟳ Not signed in");
    }

    @Test
    void syncNowSendsTheNotesAndListsTheRefusedOneWithWhatToDo(FxRobot robot) throws Exception {
        Catalog.Course course = catalog.freeCourse(instructor, "ui-sync-" + UUID.randomUUID(), 3);
        Accounts.SignedIn ana = accounts.learner("Ana");
        assertThat(ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "").status()).isEqualTo(201);
        fixture.sync.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);
        awaitIndicator(robot, "⟳ Up to date"); // the sample course's enrollment is kept here, as above
        // Offline, the learner writes on two lessons; meanwhile the instructor removes the second.
        fixture.learning.notes().create(new LessonId(course.lesson(0)), "Kept", null);
        fixture.learning.notes().create(new LessonId(course.lesson(2)), "On a lesson that is gone", null);
        catalog.execute("DELETE FROM course_lessons WHERE id = ?", course.lesson(2));

        robot.interact(fixture.window::showSyncPanel);
        awaitIndicator(robot, "⟳ 2 changes waiting");
        await(() -> text(robot, "#syncPending").equals("Waiting to be sent: 2 notes."),
                () -> "the panel says " + text(robot, "#syncPending"));
        await(() -> visible(robot, "#syncNowButton"), () -> describe(robot.lookup("#syncNowButton").query()));
        robot.clickOn("#syncNowButton");

        awaitIndicator(robot, "⟳ Up to date · 1 change refused");
        await(() -> rejected(robot).size() == 1, () -> "the panel lists " + rejected(robot));
        assertThat(rejected(robot).get(0)).startsWith("A note: ").endsWith("(not_found)\n"
                + new SyncTexts(java.time.ZoneOffset.UTC, java.util.Locale.UK).advice("not_found"));
        await(() -> text(robot, "#syncPending").equals("Nothing is waiting to be sent."),
                () -> "the panel says " + text(robot, "#syncPending"));
    }

    private void openSignIn(FxRobot robot) {
        robot.interact(fixture.window::showSyncPanel);
        await(() -> visible(robot, "#signInButton"), () -> "the sync panel never offered to sign in");
        robot.clickOn("#signInButton");
        await(() -> visible(robot, "#serverField"), () -> "the sign-in dialog never opened");
    }

    private static void signIn(FxRobot robot, String url, String email, String password) {
        robot.clickOn("#serverField").write(url);
        robot.clickOn("#emailField").write(email);
        robot.clickOn("#passwordField").write(password);
        robot.type(KeyCode.ENTER);
    }

    private static void awaitIndicator(FxRobot robot, String text) {
        Button indicator = robot.lookup("#syncIndicator").queryAs(Button.class);
        await(() -> indicator.getText().equals(text), () -> "the indicator says \"" + indicator.getText() + "\", not \""
                + text + "\"; tooltip: " + indicator.getTooltip().getText());
    }

    private static String describe(Node node) {
        StringBuilder chain = new StringBuilder();
        for (Node at = node; at != null; at = at.getParent()) {
            chain.append(at.getClass().getSimpleName()).append(at.isVisible() ? "(visible) " : "(hidden) ");
        }
        return chain + "window " + node.getScene().getWindow() + " showing " + node.getScene().getWindow().isShowing()
                + " bounds " + node.localToScreen(node.getBoundsInLocal());
    }

    /** Each refused change the panel lists, as its two lines. */
    private static List<String> rejected(FxRobot robot) {
        VBox list = robot.lookup("#syncRejected").queryAs(VBox.class);
        return list.getChildren().stream().map(entry -> ((VBox) entry).getChildren().stream().map(Node.class::cast)
                .map(line -> ((Label) line).getText()).reduce((a, b) -> a + "\n" + b).orElse("")).toList();
    }
}
