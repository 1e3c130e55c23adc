package edu.sevenp.desktop.ui.statistics;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A signed-in instructor's statistics screen against the real server, and offline with the figures kept. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsServerIT extends PlayerWindowTestBase {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);

    private RunningServer server;
    private Accounts accounts;
    private Accounts.SignedIn instructor;
    private Catalog.Course course;
    private ExecutorService background;
    private boolean serverStopped;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        instructor = accounts.instructor("Ines");
        course = new Catalog(database.superuser()).freeCourse(instructor.user(), "stats-" + UUID.randomUUID(), 2);
        // Lea completed the first of two lessons (50 %) and got the exam right; Max only enrolled, and got it wrong.
        Device lea = new Device(accounts.learner("Lea"));
        Learning leaLearns = new Learning(lea.user(), course);
        lea.push(leaLearns.enroll(NOW), leaLearns.completed(0, 60, NOW));
        lea.push(leaLearns.gradedAttempt(UUID.randomUUID(), true, NOW, 60));
        Device max = new Device(accounts.learner("Max"));
        Learning maxLearns = new Learning(max.user(), course);
        max.push(maxLearns.enroll(NOW));
        max.push(maxLearns.gradedAttempt(UUID.randomUUID(), false, NOW, 60));
        Accounts.execute(server.database().superuser(), "SELECT refresh_course_statistics()");
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
    @Order(1)
    void aLearnerIsToldThatStatisticsAreForInstructors(FxRobot robot) throws Exception {
        Accounts.SignedIn learner = accounts.learner("Lou");
        fixture.sync.signIn(URI.create(server.baseUrl()), learner.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);

        await(() -> text(robot, "#statisticsStatus").startsWith("Course statistics are for instructors."),
                () -> "a learner is told " + text(robot, "#statisticsStatus"));
        assertThat(text(robot, "#statEnrollments")).isEmpty();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#statistics").tryQuery()).isEmpty();
    }

    @Test
    @Order(2)
    void anInstructorSeesTheServersFiguresExportsThemAndSeesThemOfflineWithTheirDate(FxRobot robot, @TempDir Path folder)
            throws Exception {
        fixture.sync.signIn(URI.create(server.baseUrl()), instructor.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);

        await(() -> text(robot, "#statEnrollments").equals("Enrollments: 2"),
                () -> "the statistics say " + text(robot, "#statEnrollments") + " / " + text(robot, "#statisticsStatus"));
        assertThat(text(robot, "#statCompletion")).isEqualTo("Completion rate: 0 % (0 completed)");
        assertThat(text(robot, "#statRating")).isEqualTo("Average rating: no reviews yet");
        assertThat(text(robot, "#statisticsAsOf")).startsWith("As of ").doesNotContain("kept on this computer");
        BarChart<?, ?> progress = robot.lookup("#progressChart").queryAs(BarChart.class);
        assertThat(progress.getData().get(0).getData()).extracting(bar -> ((Number) bar.getYValue()).longValue())
                .containsExactly(1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L);
        BarChart<?, ?> lessons = robot.lookup("#lessonChart").queryAs(BarChart.class);
        assertThat(lessons.getData().get(0).getData()).as("the first lesson at the top, where the chart ends")
                .extracting(bar -> bar.getYValue() + "=" + bar.getXValue()).containsExactly("2. Lesson 2=0", "1. Lesson 1=1");
        TableView<?> missed = robot.lookup("#missedQuestions").queryAs(TableView.class);
        assertThat(missed.getItems()).extracting(row -> ((MissedRow) row).question() + " " + ((MissedRow) row).wrong()
                + "/" + ((MissedRow) row).answered())
                .containsExactlyInAnyOrder("Which join keeps unmatched rows? 1/2", "NULL = NULL is true. 1/2",
                        "Name the join of every pair. 1/2");

        Path csv = folder.resolve("statistics.csv");
        robot.interact(() -> fixture.window.statisticsScreen().exportTo(csv));
        await(() -> Files.exists(csv) && text(robot, "#statisticsStatus").startsWith("Saved as"),
                () -> "the export says " + text(robot, "#statisticsStatus"));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("Course,Course stats-")
                .contains("\r\nEnrollments,2\r\n", "\r\n50,59,1\r\n", "Which join keeps unmatched rows?,1,2\r\n");

        server.close();
        serverStopped = true;
        robot.clickOn("#statisticsRefresh");

        await(() -> text(robot, "#statisticsAsOf").contains("kept on this computer"),
                () -> "offline the statistics say " + text(robot, "#statisticsAsOf") + " / "
                        + text(robot, "#statisticsStatus"));
        assertThat(text(robot, "#statEnrollments")).isEqualTo("Enrollments: 2");
        assertThat(text(robot, "#statisticsStatus")).startsWith("The server cannot be reached");
        assertThat(missed.getItems()).hasSize(3);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
