package edu.sevenp.desktop.ui.sync;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.closeDialogs;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.text;
import static edu.sevenp.desktop.ui.sync.SyncIndicatorIT.visible;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.DesktopContext;
import edu.sevenp.desktop.DesktopPaths;
import edu.sevenp.desktop.profiles.LocalProfile;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.StartupWindow;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Signing out from the sync panel with "Also remove this profile's downloaded courses and data from this computer",
 * in the real window over a profile folder on disk, against the real sync server: the profile closes, its folder
 * goes, and the profile screen says so.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ApplicationExtension.class)
class SignOutAndRemoveIT {

    @TempDir
    Path data;

    private RunningServer server;
    private Accounts accounts;
    private Stage stage;
    private ExecutorService background;
    private StartupViewModel model;

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
        this.stage = stage;
    }

    @BeforeEach
    void startBackground() {
        background = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        closeDialogs(robot);
        robot.interact(stage::hide);
        background.submit(() -> { }).get(30, TimeUnit.SECONDS);
        PlayerServices open = model.opened().exceptionally(failure -> null).get(60, TimeUnit.SECONDS);
        if (open != null) {
            open.close();
        }
        background.shutdownNow();
    }

    @Test
    void signingOutWithTheDataRemovedSaysWhatIsLostThenRemovesTheProfileAndShowsTheProfiles(FxRobot robot)
            throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        new LocalProfiles(data).create("ana");
        new LocalProfiles(data).create("ben");
        show(robot, "ana");
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        PlayerServices services = model.opened().get(10, TimeUnit.SECONDS);
        services.sync().signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> visible(robot, "#signOutButton"), () -> "the sync panel never offered to sign out");
        robot.clickOn("#signOutButton");
        await(() -> visible(robot, "#signOutConfirmation"), () -> "signing out did not ask first");
        assertThat(text(robot, "#signOutQuestion")).isEqualTo("Sign out of " + ana.email() + " on this computer?");
        assertThat(text(robot, "#signOutDetails")).startsWith("Everything stays on this computer");
        assertThat(robot.lookup("#removeDataCheck").queryAs(CheckBox.class).isSelected()).as("kept unless asked").isFalse();

        robot.clickOn("#removeDataCheck");
        // The sample course is not on this server: its enrollment and progress are kept here, and would be lost.
        await(() -> text(robot, "#signOutDetails").matches(".* \\d+ changes? (is|are) only on this computer and will be"
                + " lost\\."), () -> "the question says " + text(robot, "#signOutDetails"));
        assertThat(text(robot, "#signOutDetails")).startsWith("This profile, with its downloaded courses and videos, notes,"
                + " bookmarks and progress, is removed from this computer; what was synced stays in your account.");
        assertThat(robot.lookup("#confirmSignOutButton").queryAs(Button.class).getText()).isEqualTo("Sign out and remove");
        robot.clickOn("#confirmSignOutButton");

        await(() -> visible(robot, "#profilesMessage"), () -> "the profile screen never came back");
        assertThat(text(robot, "#profilesMessage")).isEqualTo("Signed out of " + ana.email() + ", and removed the profile"
                + " and its data from this computer.");
        await(() -> new LocalProfiles(data).list().stream().map(LocalProfile::name).toList().equals(java.util.List.of("ben")),
                () -> "the profiles are " + new LocalProfiles(data).list());
        assertThat(data.resolve("profiles").resolve("ana")).doesNotExist();
        assertThat(stage.getTitle()).isEqualTo("7P Course Player");

        // The player's keys went with it: Ctrl+N asks for a new profile's name again.
        robot.interact(stage::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> visible(robot, "#profileNameField"), () -> "Ctrl+N did not ask for a name");
    }

    private void show(FxRobot robot, String requested) {
        UiExecutors executors = new UiExecutors(background, Platform::runLater);
        model = new StartupViewModel(profile -> DesktopContext.openForWindow(new DesktopPaths(data, profile)),
                (failure, profile) -> failure.getMessage(), data.resolve("player.log"), executors, new LocalProfiles(data),
                requested, "");
        robot.interact(() -> new StartupWindow(stage, model, services -> new PlayerWindow(services.learning(),
                services.library(), services.search(), services.sync(), services.downloads(), services.imports(), executors,
                    new TestClock(LearnerFixture.START),
                ZoneOffset.UTC, services.preferredCourse()), System.nanoTime()).show());
        robot.interact(stage::requestFocus);
    }
}
