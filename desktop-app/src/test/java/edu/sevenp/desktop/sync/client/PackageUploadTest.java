package edu.sevenp.desktop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.sync.Cancellation;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.PublishVerdict;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.PackageProblemView;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a package over HTTP (docs/sync-protocol.md §11) against scripted answers: the body, progress, verdicts. */
class PackageUploadTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID DEVICE = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    private static final String COURSE = "2ca8badd-0000-4000-8000-000000000001";

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final HttpSyncApiTest.MemoryCredentials credentials = new HttpSyncApiTest.MemoryCredentials();
    private final List<long[]> progress = new CopyOnWriteArrayList<>();
    private HttpSyncApi api;
    private Path zip;
    private byte[] bytes;

    @BeforeEach
    void start() throws IOException {
        server.start();
        api = new HttpSyncApi(server.url("/").uri(), new DeviceInfo(DEVICE, "Laptop", "Linux", "0.1.0"), credentials,
                Clock.fixed(NOW, ZoneOffset.UTC));
        credentials.save(new Credentials(server.url("/").uri(), USER, "ana@example.org", "Ana", DEVICE, "refresh-1",
                OffsetDateTime.parse("2027-03-01T00:00:00Z")));
        bytes = new byte[300_000];
        new Random(11).nextBytes(bytes);
        zip = Files.write(temp.resolve("course.zip"), bytes);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void theZipStreamsAsTheBodyWithProgressToItsLastByteAndThePublishedVersionComesBack() throws Exception {
        server.enqueue(grant());
        server.enqueue(json(201, "{\"courseId\":\"" + COURSE + "\",\"versionNumber\":3,\"packageVersion\":\"1.2.0\","
                + "\"publishedAt\":\"2026-12-05T09:00:01Z\",\"lessons\":42,\"quizzes\":6,\"mediaFiles\":12,"
                + "\"mediaBytes\":183500800,\"newMediaBytes\":1048576,\"removed\":{\"sections\":0,\"lessons\":1,"
                + "\"quizzes\":0,\"questions\":2,\"resources\":0},\"dryRun\":false}"));

        PublishVerdict verdict = api.publish(zip, "lesson B removed", this::told, new Cancellation());

        assertThat(verdict).isInstanceOfSatisfying(PublishVerdict.Accepted.class, accepted -> {
            assertThat(accepted.result().versionNumber()).isEqualTo(3);
            assertThat(accepted.result().removed().lessons()).isEqualTo(1);
        });
        server.takeRequest(5, TimeUnit.SECONDS); // the refresh
        RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upload.getMethod()).isEqualTo("POST");
        assertThat(upload.getRequestUrl().encodedPath()).isEqualTo("/api/v1/courses/publish");
        assertThat(upload.getRequestUrl().queryParameter("summary")).isEqualTo("lesson B removed");
        assertThat(upload.getHeader("Content-Type")).isEqualTo("application/zip");
        assertThat(upload.getHeader("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer access-1");
        assertThat(upload.getBody().readByteArray()).isEqualTo(bytes);
        assertThat(progress).first().satisfies(first -> assertThat(first).containsExactly(0, bytes.length));
        assertThat(progress).last().satisfies(last -> assertThat(last).containsExactly(bytes.length, bytes.length));
        assertThat(progress).extracting(told -> told[0]).isSorted().hasSizeGreaterThan(4);
    }

    @Test
    void anInvalidPackageComesBackWithEveryProblemAsTheServerLocatedIt() {
        server.enqueue(grant());
        server.enqueue(json(422, "{\"error\":\"invalid_package\",\"message\":\"The course package is not valid (2 problems)\","
                + "\"problems\":[{\"file\":\"manifest.json\",\"line\":41,\"field\":\"sections[1].lessons[2].order\","
                + "\"message\":\"duplicate lesson order 2\"},{\"file\":\"lessons/02.md\",\"line\":0,\"field\":\"\","
                + "\"message\":\"is not valid UTF-8 text\"}]}"));

        PublishVerdict verdict = api.publish(zip, null, this::told, new Cancellation());

        assertThat(verdict).isEqualTo(new PublishVerdict.Refused(422, "invalid_package",
                "The course package is not valid (2 problems)", Optional.empty(), List.of(
                        new PackageProblemView("manifest.json", 41, "sections[1].lessons[2].order", "duplicate lesson order 2"),
                        new PackageProblemView("lessons/02.md", 0, "", "is not valid UTF-8 text"))));
    }

    @Test
    void anAccountWithoutTheInstructorRoleIsTheServersVerdictNotAFailureOfTheExchange() {
        server.enqueue(grant());
        server.enqueue(json(403, "{\"error\":\"role_required\",\"message\":\"Publishing needs the instructor role;"
                + " ask an administrator.\"}"));

        PublishVerdict verdict = api.publish(zip, null, this::told, new Cancellation());

        assertThat(verdict).isInstanceOfSatisfying(PublishVerdict.Refused.class,
                refused -> assertThat(refused.roleRequired()).isTrue());
    }

    @Test
    void aSuspendedAccountIsAFailureOfTheSignInNotAVerdictOnThePackage() {
        server.enqueue(grant());
        server.enqueue(json(403, "{\"error\":\"account_suspended\",\"message\":\"suspended\"}"));

        assertThatThrownBy(() -> api.publish(zip, null, this::told, new Cancellation()))
                .isInstanceOfSatisfying(SyncFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.ACCOUNT_SUSPENDED));
    }

    @Test
    void cancellingStopsTheUploadBeforeItsEnd() {
        server.enqueue(grant());
        // The server reads the body slowly, as a slow line would carry it.
        server.enqueue(json(201, "{}").throttleBody(16 * 1024, 50, TimeUnit.MILLISECONDS));
        Cancellation cancellation = new Cancellation();

        assertThatThrownBy(() -> api.publish(zip, null, (sent, total) -> {
            told(sent, total);
            if (sent >= 128 * 1024) {
                cancellation.cancel();
            }
        }, cancellation)).isInstanceOf(CancellationException.class);

        assertThat(progress).last().satisfies(last -> assertThat(last[0]).isLessThan(bytes.length));
    }

    @Test
    void aServerThatCannotBeReachedIsSaidSoAndNothingIsSent() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed + "/");
        HttpSyncApi offline = new HttpSyncApi(nowhere, new DeviceInfo(DEVICE, "Laptop", "Linux", "0.1.0"), credentials,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> offline.publish(zip, null, this::told, new Cancellation()))
                .isInstanceOfSatisfying(SyncFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.UNREACHABLE));
        assertThat(progress).isEmpty();
    }

    private void told(long sent, long total) {
        progress.add(new long[] {sent, total});
    }

    private static MockResponse grant() {
        return json(200, "{\"accessToken\":\"access-1\",\"accessTokenExpiresAt\":\"2026-12-05T09:15:00Z\","
                + "\"refreshToken\":\"refresh-2\",\"refreshTokenExpiresAt\":\"2027-03-05T09:00:00Z\","
                + "\"user\":{\"id\":\"" + USER + "\",\"email\":\"ana@example.org\",\"name\":\"Ana\",\"roles\":[\"instructor\"],"
                + "\"status\":\"active\"},\"deviceId\":\"" + DEVICE + "\"}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
