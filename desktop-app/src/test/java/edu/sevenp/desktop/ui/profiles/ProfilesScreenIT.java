package edu.sevenp.desktop.ui.profiles;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.DesktopContext;
import edu.sevenp.desktop.DesktopPaths;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.store.HoldStoreOpen;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.StartupWindow;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The profile screen in the real window, over profile folders on disk, opening profiles as the launcher does
 * ({@link DesktopContext#openForWindow}), with the window's work on a background thread as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class ProfilesScreenIT {

    @TempDir
    Path data;

    private Stage stage;
    private ExecutorService background;
    private StartupViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startBackground() {
        background = Executors.newSingleThreadExecutor();
    }

    /** Closes the window as the learner does, lets its last writes finish, and closes the profile it had open. */
    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        robot.interact(stage::hide);
        background.submit(() -> { }).get(30, TimeUnit.SECONDS);
        if (model != null) {
            PlayerServices open = model.opened().exceptionally(failure -> null).get(60, TimeUnit.SECONDS);
            if (open != null) {
                open.close();
            }
        }
        background.shutdownNow();
    }

    @Test
    void aFirstStartMakesAProfileNamedAfterTheAccountAndEnterOpensIt(FxRobot robot) {
        show(robot, null);
        await(() -> text(robot, "#profileNameField").equals("ana-lima"), () -> "the name offered is "
                + text(robot, "#profileNameField"));
        focusOn(robot, "#profileNameField");

        robot.type(KeyCode.ENTER);

        await(() -> names(robot).equals(List.of("ana-lima")), () -> "the list shows " + names(robot));
        assertThat(label(robot, "#profilesMessage")).isEqualTo("Made the profile \u201cana-lima\u201d. Press Enter to open it.");
        await(() -> robot.lookup("#profileList").query().isFocused(), () -> "the list never had the focus");
        robot.type(KeyCode.ENTER);

        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(data.resolve("profiles").resolve("ana-lima").resolve("store.mv.db")).exists();
        await(() -> new LocalProfiles(data).lastUsed().isPresent(), () -> "the profile was not remembered");
        assertThat(new LocalProfiles(data).lastUsed()).contains("ana-lima");
    }

    @Test
    void ctrlNAsksForANameAndARefusedOneIsExplainedKeptAndMakesNothing(FxRobot robot) {
        new LocalProfiles(data).create("ana");
        show(robot, null);
        await(() -> names(robot).equals(List.of("ana")), () -> "the list shows " + names(robot));
        focusOn(robot, "#profileList");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> robot.lookup("#profileNameField").query().isFocused(), () -> "the name field never had the focus");
        robot.write("Ben Ode").type(KeyCode.ENTER);

        await(() -> !label(robot, "#profileNameError").isEmpty(), () -> "no error was shown");
        assertThat(label(robot, "#profileNameError")).isEqualTo("A profile name uses lower-case letters, digits, - and _"
                + " only, and starts with a letter or digit. Try \u201cben-ode\u201d.");
        assertThat(text(robot, "#profileNameField")).isEqualTo("Ben Ode");
        assertThat(new LocalProfiles(data).list()).hasSize(1);

        robot.interact(() -> robot.lookup("#profileNameField").queryAs(TextField.class).clear());
        robot.write("ben").type(KeyCode.ENTER);

        await(() -> names(robot).equals(List.of("ana", "ben")), () -> "the list shows " + names(robot));
        assertThat(selected(robot)).isEqualTo("ben");
    }

    @Test
    void f2RenamesTheSelectedProfileWhichKeepsItsDeviceId(FxRobot robot) {
        DeviceId device;
        try (LocalStore store = LocalStore.openFile(new LocalProfiles(data).folder("ana"), "ana")) {
            device = store.identity().deviceId();
        }
        show(robot, null);
        await(() -> names(robot).equals(List.of("ana")), () -> "the list shows " + names(robot));
        focusOn(robot, "#profileList");

        robot.type(KeyCode.F2);
        await(() -> robot.lookup("#profileNameField").query().isFocused(), () -> "the name field never had the focus");
        assertThat(label(robot, "#profileNameHeading")).isEqualTo("New name for \u201cana\u201d");
        robot.write("ana-lima").type(KeyCode.ENTER);

        await(() -> names(robot).equals(List.of("ana-lima")), () -> "the list shows " + names(robot));
        assertThat(label(robot, "#profilesMessage")).isEqualTo("Renamed \u201cana\u201d to \u201cana-lima\u201d.");
        try (LocalStore store = LocalStore.openFile(new LocalProfiles(data).folder("ana-lima"), "ana-lima")) {
            assertThat(store.identity().deviceId()).isEqualTo(device);
        }
    }

    @Test
    void deleteAsksSayingWhatIsLostThenDeletes(FxRobot robot) {
        try (LocalStore store = LocalStore.openFile(new LocalProfiles(data).folder("ana"), "ana")) {
            StoreFixture fixture = new StoreFixture(store);
            store.notes().create(fixture.learner(), fixture.course("SQL", 1, 1).lesson(0), "Keys", null,
                    OffsetDateTime.parse("2026-12-05T08:00:00Z")).orElseThrow();
        }
        new LocalProfiles(data).create("ben");
        show(robot, null);
        await(() -> names(robot).equals(List.of("ana", "ben")), () -> "the list shows " + names(robot));
        focusOn(robot, "#profileList");

        robot.type(KeyCode.DELETE);

        await(() -> label(robot, "#deleteProfileDetails").startsWith("This removes from this computer: 1 course"),
                () -> "the question says " + label(robot, "#deleteProfileDetails"));
        assertThat(label(robot, "#deleteProfileDetails")).contains("1 note").endsWith("It is not signed in to a sync"
                + " server, so none of it is kept anywhere else: it is lost for good.");
        assertThat(robot.lookup("#keepProfileButton").query().isFocused()).as("keeping is where the focus is").isTrue();
        robot.clickOn("#confirmDeleteProfileButton");

        await(() -> names(robot).equals(List.of("ben")), () -> "the list shows " + names(robot));
        assertThat(label(robot, "#profilesMessage")).isEqualTo("Deleted the profile \u201cana\u201d.");
        assertThat(data.resolve("profiles").resolve("ana")).doesNotExist();
    }

    @Test
    void escapeKeepsTheProfile(FxRobot robot) {
        new LocalProfiles(data).create("ana");
        show(robot, null);
        await(() -> names(robot).equals(List.of("ana")), () -> "the list shows " + names(robot));
        focusOn(robot, "#profileList");
        robot.type(KeyCode.DELETE);
        await(() -> robot.lookup("#keepProfileButton").query().isFocused(), () -> "the question never had the focus");

        robot.type(KeyCode.ESCAPE);

        await(() -> !robot.lookup("#deleteProfileQuestion").query().isVisible(), () -> "the question stays");
        assertThat(new LocalProfiles(data).folder("ana")).isDirectory();
    }

    @Test
    void aProfileOpenInAnotherPlayerIsMarkedAndCannotBeDeleted(FxRobot robot) throws Exception {
        LocalStore.openFile(new LocalProfiles(data).folder("ana"), "ana").close();
        try (ChildJvm otherPlayer = ChildJvm.start(HoldStoreOpen.class, new LocalProfiles(data).folder("ana").toString())) {
            otherPlayer.awaitLine("open", Duration.ofSeconds(60));
            show(robot, null);
            await(() -> names(robot).equals(List.of("ana")), () -> "the list shows " + names(robot));
            focusOn(robot, "#profileList");

            robot.type(KeyCode.DELETE);

            await(() -> label(robot, "#deleteProfileDetails").startsWith("The profile \u201cana\u201d is open in another"),
                    () -> "the question says " + label(robot, "#deleteProfileDetails"));
            assertThat(robot.lookup("#confirmDeleteProfileButton").queryAs(Button.class).isDisabled()).isTrue();
            assertThat(new LocalProfiles(data).folder("ana")).isDirectory();
        }
    }

    @Test
    void theProfileOpenedLastIsSelectedAndDoubleClickOpensIt(FxRobot robot) {
        LocalProfiles profiles = new LocalProfiles(data);
        profiles.create("ana");
        profiles.create("ben");
        profiles.remember("ben");
        show(robot, null);
        await(() -> names(robot).equals(List.of("ana", "ben")), () -> "the list shows " + names(robot));

        assertThat(selected(robot)).isEqualTo("ben");
        robot.doubleClickOn("ben");

        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(model.profileProperty().get()).isEqualTo("ben");
    }

    @Test
    void ctrlShiftPClosesTheProfileAndTheScreenOpensItAgain(FxRobot robot) {
        new LocalProfiles(data).create("ana");
        show(robot, "ana");
        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#profileButton").queryAs(Button.class).getText()).isEqualTo("Profile: ana");
        robot.interact(stage::requestFocus);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);

        await(() -> robot.lookup("#profilesMessage").tryQuery().map(Node::isVisible).orElse(false),
                () -> "the profiles never came back");
        assertThat(label(robot, "#profilesMessage")).isEqualTo("Closed the profile \u201cana\u201d; everything in it"
                + " stays on this computer.");
        await(() -> selected(robot) != null && !new LocalProfiles(data).inUse("ana"), () -> "the profile stays open");
        assertThat(stage.getTitle()).isEqualTo("7P Course Player");
        assertThat(robot.lookup("#lessonView").tryQuery()).isEmpty();
        focusOn(robot, "#profileList");
        robot.type(KeyCode.ENTER);

        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
    }

    @Test
    void aProfileNamedOnTheCommandLineOpensWithoutTheScreen(FxRobot robot) {
        new LocalProfiles(data).create("ana");

        show(robot, "ben");

        PlayerWindowFixture.awaitLessonPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#profileList").tryQuery()).isEmpty();
        assertThat(new LocalProfiles(data).list()).extracting(profile -> profile.name()).containsExactly("ana", "ben");
    }

    @Test
    void aProfileThatCannotOpenLeadsBackToTheProfiles(FxRobot robot) {
        new LocalProfiles(data).create("ana");
        show(robot, null, profile -> {
            throw new IllegalStateException("the schema is newer than this player");
        });
        await(() -> names(robot).equals(List.of("ana")), () -> "the list shows " + names(robot));
        focusOn(robot, "#profileList");
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#startupProblem").tryQuery().isPresent(), () -> "no problem was shown");
        assertThat(label(robot, "#startupProblem")).isEqualTo("Explained: the schema is newer than this player");

        robot.clickOn("#startupBack");

        await(() -> robot.lookup("#profileList").tryQuery().map(Node::isVisible).orElse(false),
                () -> "the profiles never came back");
        assertThat(selected(robot)).isEqualTo("ana");
    }

    private void show(FxRobot robot, String requested) {
        show(robot, requested, profile -> DesktopContext.openForWindow(new DesktopPaths(data, profile)));
    }

    private void show(FxRobot robot, String requested, StartupViewModel.ProfileOpener opener) {
        UiExecutors executors = new UiExecutors(background, Platform::runLater);
        model = new StartupViewModel(opener, (failure, profile) -> "Explained: " + failure.getMessage(),
                data.resolve("player.log"), executors, new LocalProfiles(data), requested, "Ana Lima");
        robot.interact(() -> {
            StartupWindow window = new StartupWindow(stage, model, services -> new PlayerWindow(services.learning(),
                    services.library(), services.search(), services.sync(), services.downloads(), services.imports(), executors,
                    new TestClock(LearnerFixture.START),
                    ZoneOffset.UTC, services.preferredCourse()), System.nanoTime());
            window.show();
        });
        // TestFX keeps its stage from test to test; keys go to the focused window.
        robot.interact(stage::requestFocus);
    }

    private static void focusOn(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        await(node::isFocused, () -> query + " never had the focus");
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(FxRobot robot) {
        return robot.lookup("#profileList").tryQuery().map(list -> ((ListView<ProfileItem>) list).getItems().stream()
                .map(ProfileItem::name).toList()).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static String selected(FxRobot robot) {
        ProfileItem item = ((ListView<ProfileItem>) robot.lookup("#profileList").query()).getSelectionModel().getSelectedItem();
        return item == null ? null : item.name();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }
}
