package edu.sevenp.desktop.ui.preview;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.PlayerWindowFixture.awaitLessonPageContaining;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.PreviewContext;
import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.ByteSizes;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.RunningServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Publishing from a preview (issue 11) against the real server, as a profile's signed-in account: an instructor's
 * folder is published with its progress to the last byte and the verdict shown; a learner is told about the role; a
 * package the server would refuse is refused before anything is sent; with the server gone, nothing is lost.
 */
@PostgresTest
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishServerIT {

    @TempDir
    Path temp;

    private RunningServer server;
    private Accounts accounts;
    private boolean serverStopped;
    private Stage stage;
    private LocalStore store;
    private SyncService profile;
    private PreviewContext source;
    private PreviewWindow preview;

    @BeforeAll
    void startServer(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
    }

    @AfterAll
    void stopServer() {
        if (!serverStopped) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeAll() throws Exception {
        if (preview != null && !preview.closed().isDone()) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> preview.stage().close());
            preview.closed().get(20, TimeUnit.SECONDS);
        }
        if (source != null) {
            source.close();
        }
        if (profile != null) {
            profile.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void anInstructorPublishesTheFolderWithItsProgressAndSeesTheServersVerdictsAcceptedThenNotNewer(FxRobot robot)
            throws Exception {
        Accounts.SignedIn instructor = accounts.instructor("Ines");
        signIn(instructor);
        PackageFixture course = PackageFixture.course("Joins in practice", 1, 2).version("1.0.0");
        byte[] clip = new byte[400_000];
        new Random(5).nextBytes(clip);
        course.addMedia("media/clip.mp4", clip, "video/mp4");
        UUID courseId = UUID.fromString(course.course().get("id").asText());
        open(course.writeTo(temp.resolve("joins")), robot);
        List<Double> progress = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> preview.publishing().progressProperty()
                .addListener((property, old, now) -> progress.add(now.doubleValue())));

        robot.clickOn("#lessonView");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);

        await(() -> step() == PublishViewModel.Step.CONFIRM, () -> "no confirmation: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishQuestion")).startsWith("Publish “Joins in practice”, version 1.0.0, to "
                + server.baseUrl()).contains(" as " + instructor.email() + "?");
        // Esc in the confirmation cancels it; asked again, Enter in the summary publishes.
        robot.push(KeyCode.ESCAPE);
        await(() -> step() == PublishViewModel.Step.IDLE, () -> "Esc left the confirmation at " + step());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        await(() -> step() == PublishViewModel.Step.CONFIRM, () -> "no confirmation: " + text(robot, "#publishStatus"));
        robot.clickOn("#publishSummary").write("First version");
        robot.push(KeyCode.ENTER);

        await(() -> step() == PublishViewModel.Step.ACCEPTED, () -> "no verdict: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishStatus")).isEqualTo("Published: “Joins in practice” 1.0.0 is now version 1 on "
                + server.baseUrl() + ". Learners receive it on their next sync.");
        assertThat(lines(robot)).containsExactly(
                "2 lessons, no quizzes, 1 media file (" + sizeOf(clip.length) + "; " + sizeOf(clip.length)
                        + " of it new to the server)",
                "The first version of this course on the server.",
                "What changed, as kept with the version: First version");
        assertThat(progress).as("the upload's progress").isSorted().contains(1.0);
        assertThat(text(robot, "#publishSent")).endsWith("sent (100%)");
        assertThat(robot.lookup("#publishSent").queryAs(Label.class).isVisible()).as("what was sent, beside the verdict")
                .isTrue();
        ApiClient.Response versions = instructor.api().get("/api/v1/courses/" + courseId + "/versions");
        assertThat(versions.status()).as(versions.toString()).isEqualTo(200);
        assertThat(versions.json()).hasSize(1);
        assertThat(versions.json().get(0).get("packageVersion").asText()).isEqualTo("1.0.0");
        assertThat(versions.json().get(0).get("summary").asText()).isEqualTo("First version");

        // The same version again: refused as not newer, the server's words as the item.
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        await(() -> step() == PublishViewModel.Step.CONFIRM, () -> "no confirmation: " + text(robot, "#publishStatus"));
        robot.clickOn("#publishConfirmButton");

        await(() -> step() == PublishViewModel.Step.REFUSED, () -> "not refused: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishStatus")).isEqualTo("Not published: version 1.0.0 is not newer than the last one"
                + " published on " + server.baseUrl() + ". Raise course.version in manifest.json and publish again.");
        assertThat(lines(robot)).containsExactly("Error: The server says: The package's version 1.0.0 is not newer than"
                + " the published 1.0.0; raise course.version in manifest.json.");
        assertThat(instructor.api().get("/api/v1/courses/" + courseId + "/versions").json()).hasSize(1);
    }

    @Test
    @Order(2)
    void aLearnerIsToldThatPublishingNeedsTheInstructorRoleAndNothingIsSent(FxRobot robot) throws Exception {
        Accounts.SignedIn learner = accounts.learner("Lou");
        signIn(learner);
        PackageFixture course = PackageFixture.course("Not mine to publish", 1, 1).version("1.0.0");
        open(course.writeTo(temp.resolve("learner")), robot);

        robot.clickOn("#publishButton");

        await(() -> step() == PublishViewModel.Step.REFUSED, () -> "not refused: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishStatus")).isEqualTo("Not published: your account " + learner.email()
                + " is not an instructor on " + server.baseUrl() + ". Ask an administrator of the server for the"
                + " instructor role (on the server: --grant-role instructor " + learner.email() + "), then publish again.");
        assertThat(lines(robot)).isEmpty();
        assertThat(versionsOnServer(UUID.fromString(course.course().get("id").asText()))).isZero();
        robot.push(KeyCode.ESCAPE);
        await(() -> step() == PublishViewModel.Step.IDLE, () -> "Esc left the panel at " + step());
        assertThat(robot.lookup("#publishPanel").query().isVisible()).isFalse();
    }

    @Test
    @Order(3)
    void aPackageTheServerWouldRefuseIsRefusedBeforeAnythingIsSent(FxRobot robot) throws Exception {
        signIn(accounts.instructor("Ida"));
        PackageFixture course = PackageFixture.course("Graded without keys", 1, 1).version("1.0.0");
        // A graded quiz without its answer key previews (a learner never gets keys) but cannot be published.
        ObjectNode exam = course.addQuiz(null, "Final exam", "graded");
        course.addChoiceQuestion(exam, "Which join keeps unmatched rows?", "LEFT JOIN", "INNER JOIN");
        open(course.writeTo(temp.resolve("graded")), robot);

        robot.clickOn("#publishButton");

        await(() -> step() == PublishViewModel.Step.REFUSED, () -> "not refused: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishStatus")).startsWith("Not published: the course has 1 error that the server"
                + " would refuse").endsWith("nothing was sent.");
        assertThat(lines(robot)).singleElement().asString().startsWith("Error: manifest.json:").contains("answer");
        assertThat(versionsOnServer(UUID.fromString(course.course().get("id").asText()))).isZero();
    }

    @Test
    @Order(4)
    void withTheServerGoneItSaysSoAndNothingIsLost(FxRobot robot) throws Exception {
        signIn(accounts.instructor("Olga"));
        Path folder = PackageFixture.course("Offline course", 1, 1).version("1.0.0").writeTo(temp.resolve("offline"));
        open(folder, robot);
        String address = server.baseUrl();
        server.close();
        serverStopped = true;

        robot.clickOn("#publishButton");

        await(() -> step() == PublishViewModel.Step.NOT_PUBLISHED, () -> "still: " + text(robot, "#publishStatus"));
        assertThat(text(robot, "#publishStatus")).isEqualTo("Not published: the server " + address
                + " cannot be reached now. Nothing is lost: the course folder is unchanged. Publish again once you are"
                + " online.");
        assertThat(folder.resolve("manifest.json")).isRegularFile();
    }

    /** A profile of its own, signed in to the server as {@code who}: the account the preview publishes as. */
    private void signIn(Accounts.SignedIn who) throws Exception {
        store = LocalStore.openInMemory("publish-" + UUID.randomUUID());
        profile = SyncEngines.overHttp(store, SyncEngines.NO_CHANNEL);
        profile.signIn(URI.create(server.baseUrl()), who.email(), Accounts.PASSWORD.toCharArray()).firstSync()
                .get(60, TimeUnit.SECONDS);
    }

    private void open(Path folder, FxRobot robot) {
        source = PreviewContext.open(folder);
        preview = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            PreviewWindow window = new PreviewWindow(stage, source, SettingsContext.inMemory(),
                    Publisher.as(profile.publishing()));
            window.show();
            return window;
        });
        awaitLessonPageContaining(robot, "Body of lesson 1.1");
    }

    private PublishViewModel.Step step() {
        return preview.publishing().stepProperty().get();
    }

    private long versionsOnServer(UUID course) throws SQLException {
        try (Connection connection = server.database().superuser().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM content_versions WHERE content_id = ? AND content_type = 'course'")) {
            count.setObject(1, course);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String sizeOf(long bytes) {
        return ByteSizes.inDefaultLocale().readable(bytes);
    }

    private static List<String> lines(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<PublishViewModel.Line> list = robot.lookup("#publishList").queryAs(ListView.class);
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> list.getItems().stream().map(PublishViewModel.Line::text).toList());
    }

    private static String text(FxRobot robot, String id) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
