package edu.sevenp.desktop.ui.catalog;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The catalog in the real window against the real sync server (over an embedded PostgreSQL): signed out it says so,
 * signed in it lists the published courses, and the search field and the category and difficulty filters narrow them.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT extends PlayerWindowTestBase {


    private RunningServer server;
    private Accounts accounts;
    private ExecutorService background;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        Catalog catalog = new Catalog(database.superuser());
        UUID instructor = accounts.instructor("Ines").user();
        UUID databases = catalog.category("databases", "Databases", null);
        UUID sql = catalog.category("sql", "SQL", databases);
        UUID design = catalog.category("design", "Design", null);
        course(catalog, instructor, "Zebra Tables for Beginners", "beginner", sql);
        course(catalog, instructor, "Advanced Query Tuning", "advanced", databases);
        course(catalog, instructor, "Colour and Layout", "beginner", design);
    }

    private static void course(Catalog catalog, UUID instructor, String title, String difficulty, UUID category) {
        Catalog.Course course = catalog.freeCourse(instructor, "catalog-" + UUID.randomUUID(), 2);
        catalog.execute("UPDATE courses SET title = ?, short_description = ?, difficulty = ?, category_id = ? WHERE id = ?",
                title, "All about " + title.toLowerCase(java.util.Locale.ROOT) + ".", difficulty, category, course.id());
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
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void signedOutTheCatalogSaysSoAndOffersToSignIn(FxRobot robot) {
        robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));

        await(() -> robot.lookup("#catalogNotice").tryQuery().isPresent()
                && robot.lookup("#catalogNotice").queryAs(Label.class).isVisible(), () -> "no notice in the catalog");
        assertThat(robot.lookup("#catalogNotice").queryAs(Label.class).getText())
                .isEqualTo(CatalogTexts.inDefaultLocale().text("signedOut"));
        assertThat(robot.lookup("#catalogSignIn").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#catalogList").queryAs(ListView.class).isVisible()).isFalse();
    }

    @Test
    void signedInTheCatalogListsThePublishedCoursesAndTheSearchAndFiltersNarrowThem(FxRobot robot) throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        fixture.sync.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);
        robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        awaitTitles(robot, List.of("Advanced Query Tuning", "Colour and Layout", "Zebra Tables for Beginners"));
        assertThat(robot.lookup("#catalogResults").queryAs(Label.class).getText()).isEqualTo("3 courses");

        robot.clickOn("#catalogSearch").write("zebra").type(KeyCode.ENTER);
        awaitTitles(robot, List.of("Zebra Tables for Beginners"));
        assertThat(rows(robot).get(0).details()).isEqualTo("Beginner · SQL · 2 lessons · 0 bytes to download");

        robot.doubleClickOn("#catalogSearch").eraseText(5).type(KeyCode.ENTER);
        awaitTitles(robot, List.of("Advanced Query Tuning", "Colour and Layout", "Zebra Tables for Beginners"));
        choose(robot, "#catalogCategory", "Databases");
        awaitTitles(robot, List.of("Advanced Query Tuning", "Zebra Tables for Beginners"));
        choose(robot, "#catalogDifficulty", "Beginner");
        awaitTitles(robot, List.of("Zebra Tables for Beginners"));
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String box, String label) {
        ComboBox<Choice> combo = robot.lookup(box).queryAs(ComboBox.class);
        Choice choice = combo.getItems().stream().filter(item -> item.label().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(box + " offers no " + label + ": " + combo.getItems()));
        robot.interact(() -> combo.setValue(choice));
    }

    @SuppressWarnings("unchecked")
    private static List<CatalogRow> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#catalogList").queryAs(ListView.class).getItems());
    }

    private static void awaitTitles(FxRobot robot, List<String> titles) {
        await(() -> robot.lookup("#catalogList").tryQuery().isPresent()
                && rows(robot).stream().map(CatalogRow::title).sorted().toList().equals(titles),
                () -> "the catalog lists " + rows(robot).stream().map(CatalogRow::title).toList() + ", not " + titles
                        + "; notice: " + robot.lookup("#catalogNotice").queryAs(Label.class).getText());
    }
}
