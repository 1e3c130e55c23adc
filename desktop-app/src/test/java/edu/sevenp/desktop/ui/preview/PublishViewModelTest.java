package edu.sevenp.desktop.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing's steps and the server's refusals in words, with the real engine against scripted answers and the work on
 * the calling thread: what the confirmation leaves unsent, and each refusal as the instructor reads it.
 */
class PublishViewModelTest {

    private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private Locale locale;
    private LocalStore store;
    private SyncService engine;
    private PublishViewModel model;

    @BeforeEach
    void start() throws IOException {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        server.start();
        store = LocalStore.openInMemory("publish-" + UUID.randomUUID());
        MemoryCredentials credentials = new MemoryCredentials();
        credentials.save(new Credentials(server.url("/").uri(), USER, "ines@example.org", "Ines",
                store.identity().deviceId().value(), "refresh-1", OffsetDateTime.now().plusDays(30)));
        engine = new SyncService(store, credentials,
                (address, device, held) -> new HttpSyncApi(address, device, held, Clock.systemUTC()),
                new Installation("test", "Linux", "test"), null, SyncService.Schedule.DEFAULT, Clock.systemUTC(),
                new SplittableRandom(3));
        Path folder = PackageFixture.course("Joins in practice", 1, 2).version("1.1.0").writeTo(temp.resolve("joins"));
        model = new PublishViewModel(Publisher.as(engine.publishing()), folder, UiExecutors.sameThread());
        server.enqueue(json(200, "{\"accessToken\":\"access-1\",\"accessTokenExpiresAt\":\"" + OffsetDateTime.now().plusHours(1)
                + "\",\"refreshToken\":\"refresh-2\",\"refreshTokenExpiresAt\":\"" + OffsetDateTime.now().plusDays(30)
                + "\",\"user\":{\"id\":\"" + USER + "\",\"email\":\"ines@example.org\",\"name\":\"Ines\","
                + "\"roles\":[\"instructor\"],\"status\":\"active\"},\"deviceId\":\"" + store.identity().deviceId().value()
                + "\"}"));
        server.enqueue(json(200, "[]")); // GET /instructor/courses: the account may publish
    }

    @AfterEach
    void stop() throws IOException {
        engine.close();
        store.close();
        server.shutdown();
        Locale.setDefault(locale);
    }

    @Test
    void cancellingTheConfirmationClosesThePanelAndSendsNothing() throws Exception {
        model.publish();
        assertThat(model.stepProperty().get()).isEqualTo(PublishViewModel.Step.CONFIRM);
        assertThat(model.questionProperty().get()).startsWith("Publish “Joins in practice”, version 1.1.0, to "
                + server.url("/").uri() + " as ines@example.org?");

        model.cancel();

        assertThat(model.stepProperty().get()).isEqualTo(PublishViewModel.Step.IDLE);
        assertThat(server.getRequestCount()).as("the refresh and the role's question, no upload").isEqualTo(2);
        server.takeRequest();
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/instructor/courses");
    }

    @Test
    void eachProblemTheServerNamesIsAnItemWithItsFileLineAndField() {
        server.enqueue(json(422, "{\"error\":\"invalid_package\",\"message\":\"The course package is not valid (2 problems)\","
                + "\"problems\":[{\"file\":\"manifest.json\",\"line\":41,\"field\":\"sections[0].lessons[1].order\","
                + "\"message\":\"duplicate lesson order 2\"},{\"file\":\"lessons/02.md\",\"line\":0,\"field\":\"\","
                + "\"message\":\"is not valid UTF-8 text\"}]}"));

        model.publish();
        model.confirm();

        assertThat(model.stepProperty().get()).isEqualTo(PublishViewModel.Step.REFUSED);
        assertThat(model.statusProperty().get()).isEqualTo("Not published: the server found 2 problems in the package.");
        assertThat(model.lines()).extracting(PublishViewModel.Line::text).containsExactly(
                "Error: manifest.json:41 sections[0].lessons[1].order — duplicate lesson order 2",
                "Error: lessons/02.md — is not valid UTF-8 text");
    }

    @Test
    void anotherInstructorsCourseIsSaidSoWithTheServersWords() {
        server.enqueue(json(403, "{\"error\":\"not_your_course\",\"message\":\"Course 1 is taught by another instructor;"
                + " give your package a course id of its own.\"}"));

        model.publish();
        model.confirm();

        assertThat(model.statusProperty().get()).startsWith("Not published: this course belongs to another instructor on "
                + server.url("/").uri());
        assertThat(model.lines()).extracting(PublishViewModel.Line::text).containsExactly("Error: The server says: Course 1"
                + " is taught by another instructor; give your package a course id of its own.");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
