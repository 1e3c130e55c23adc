package edu.sevenp.desktop.ui.conflicts;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A note edited on two devices before they synced, settled from the sync panel against the real server: both versions
 * side by side, "Keep both", and after the next sync neither device nor the server holds a conflict copy.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteConflictsIT extends PlayerWindowTestBase {


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
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(window -> window instanceof Stage stage && stage.getOwner() != null)
                .forEach(javafx.stage.Window::hide));
        background.shutdownNow();
    }

    @Test
    void bothVersionsShowSideBySideAndKeepBothLeavesTwoOrdinaryNotes(FxRobot robot) throws Exception {
        Catalog.Course course = catalog.freeCourse(instructor, "conflict-" + UUID.randomUUID(), 1);
        Accounts.SignedIn ana = accounts.learner("Ana");
        assertThat(ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "").status()).isEqualTo(201);
        LessonId lesson = new LessonId(course.lesson(0));
        syncWindow(fixture.sync.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray())
                .firstSync());
        Note shared = fixture.learning.notes().create(lesson, "Joins match rows", null);
        syncWindow(fixture.sync.syncNow());

        try (LocalStore laptopStore = LocalStore.openInMemory("laptop-" + UUID.randomUUID());
                SyncService laptop = SyncEngines.overHttp(laptopStore, SyncEngines.NO_CHANNEL)) {
            laptop.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                    .get(60, TimeUnit.SECONDS);
            LearningServices.over(laptopStore, Clock.systemUTC()).notes()
                    .edit(shared.id(), "Laptop: joins combine rows", null);
            laptop.syncNow().get(60, TimeUnit.SECONDS);
        }
        // Edited here without having seen the laptop's edit: a conflict; one text stays the note, the other a copy.
        fixture.learning.notes().edit(shared.id(), "Desktop: joins pair rows", null);
        syncWindow(fixture.sync.syncNow());
        assertThat(fixture.sync.status().conflictCopies()).isEqualTo(1);

        robot.interact(fixture.window::showSyncPanel);
        await(() -> robot.lookup("#compareConflicts").tryQuery().map(node -> node.isVisible()).orElse(false),
                () -> "the sync panel offers no comparison");
        robot.clickOn("#compareConflicts");

        await(() -> robot.lookup("#keepBoth").tryQuery().isPresent(), () -> "the conflicts dialog shows no conflict");
        List<String> texts = robot.lookup("#noteConflicts .text-area").queryAllAs(TextArea.class).stream().map(TextArea::getText)
                .toList();
        // The later edit by its (corrected) edit time wins: the window's test clock stands in the past, so the laptop's
        // text is the note now, on the left, and the window's is the other version.
        assertThat(texts).containsExactly("Laptop: joins combine rows", "Desktop: joins pair rows");
        robot.clickOn("#keepBoth");

        await(() -> robot.lookup("#noteConflictsMessage").queryAs(Label.class).getText()
                .equals("No conflicting notes: everything is settled."),
                () -> "the dialog says " + robot.lookup("#noteConflictsMessage").queryAs(Label.class).getText());
        assertThat(fixture.learning.notes().forLesson(lesson)).extracting(Note::content)
                .containsExactlyInAnyOrder("Desktop: joins pair rows", "Laptop: joins combine rows");
        syncWindow(fixture.sync.syncNow());
        assertThat(fixture.sync.status().conflictCopies()).isZero();
        assertThat(fixture.sync.status().pendingChanges()).isZero();
        await(() -> robot.lookup("#syncConflicts").queryAs(Label.class).getText().isEmpty(),
                () -> "the panel still says " + robot.lookup("#syncConflicts").queryAs(Label.class).getText());
    }

    private static void syncWindow(java.util.concurrent.Future<?> sync) throws Exception {
        sync.get(60, TimeUnit.SECONDS);
    }
}
