package edu.sevenp.desktop.ui.dashboard;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The dashboard of a signed-in learner shows the real server's recommendations, and falls back offline. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServerIT extends PlayerWindowTestBase {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;
    private ExecutorService background;
    private boolean serverStopped;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Ines").user();
    }

    @AfterAll
    void stopServer() {
        if (!serverStopped) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        fixture = new PlayerWindowFixture(stage, new UiExecutors(background, Platform::runLater));
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void aSignedInLearnerSeesTheServersSuggestionsAndOfflineOnesWhenItIsGone(FxRobot robot) throws Exception {
        String title = "Recommended " + UUID.randomUUID().toString().substring(0, 8);
        Catalog.Course course = catalog.freeCourse(instructor, "dash-" + UUID.randomUUID(), 1);
        catalog.execute("UPDATE courses SET title = ?, average_rating = 5 WHERE id = ?", title, course.id());
        Accounts.SignedIn ana = accounts.learner("Ana");
        fixture.sync.signIn(URI.create(server.baseUrl()), ana.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);

        await(() -> text(robot, "#recommendationSource").startsWith("Suggested by your server"),
                () -> "the dashboard says " + text(robot, "#recommendationSource"));
        ListView<?> list = robot.lookup("#recommendations").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(row -> ((RecommendationRow) row).title()).contains(title);
        RecommendationRow shown = list.getItems().stream().map(RecommendationRow.class::cast)
                .filter(row -> row.title().equals(title)).findFirst().orElseThrow();
        assertThat(shown.openable()).isFalse();
        assertThat(shown.detail()).isEqualTo("Beginner · not on this computer yet");

        server.close();
        serverStopped = true;
        robot.type(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);

        await(() -> text(robot, "#recommendationSource").startsWith("Offline suggestions"),
                () -> "with the server gone the dashboard says " + text(robot, "#recommendationSource"));
        assertThat(text(robot, "#dashboardStatus")).isEmpty();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
