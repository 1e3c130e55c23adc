package edu.sevenp.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Media by hash (docs/sync-protocol.md, section 10): ranges, resuming, ETags, and only for the entitled. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @TempDir
    static Path folders;

    private RunningServer server;
    private Accounts accounts;
    private byte[] video;
    private byte[] preview;
    private String videoHash;
    private String previewHash;
    private Device learner;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        video = bytes(1, 300_000);
        preview = bytes(2, 50_000);
        videoHash = PackageFixture.sha256(video);
        previewHash = PackageFixture.sha256(preview);
        PackageFixture course = PackageFixture.course("Video course", 1, 2).version("1.0.0");
        course.video(course.lesson(0, 0), course.addMedia("media/lesson.mp4", video, "video/mp4"));
        course.video(course.lesson(0, 1), course.addMedia("media/trailer.mp4", preview, "video/mp4"));
        course.lesson(0, 1).put("preview", true);
        Response published = accounts.instructor("Teacher").api().postBytes("/api/v1/courses/publish", "application/zip",
                Zips.of(course.writeTo(folders.resolve("course"))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        UUID courseId = published.as(PublishResult.class).courseId();
        learner = new Device(accounts.learner("Watcher"));
        learner.push(new EnrollmentChange(UUID.randomUUID(), new UserId(learner.user()), new CourseId(courseId),
                EnrollmentStatus.ACTIVE, NOW, NOW));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theWholeFileWithItsHashAsETag() {
        Response whole = learner.api().get("/api/v1/media/" + videoHash);

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.raw().body()).isEqualTo(video);
        assertThat(whole.header("ETag")).isEqualTo("\"" + videoHash + "\"");
        assertThat(whole.header("Content-Type")).startsWith("video/mp4");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void anInterruptedDownloadResumesWithARangeAndTheHashChecksOut() {
        byte[] firstPart = Arrays.copyOf(learner.api().get("/api/v1/media/" + videoHash).raw().body(), 123_457);

        Response rest = learner.api().get("/api/v1/media/" + videoHash, Map.of("Range", "bytes=123457-"));

        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.header("Content-Range")).isEqualTo("bytes 123457-299999/300000");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(firstPart);
        whole.writeBytes(rest.raw().body());
        assertThat(PackageFixture.sha256(whole.toByteArray())).isEqualTo(videoHash);
    }

    @Test
    void suffixAndBoundedRangesAndRangesOutsideTheFile() {
        Response suffix = learner.api().get("/api/v1/media/" + videoHash, Map.of("Range", "bytes=-100"));
        Response bounded = learner.api().get("/api/v1/media/" + videoHash, Map.of("Range", "bytes=10-19"));
        Response outside = learner.api().get("/api/v1/media/" + videoHash, Map.of("Range", "bytes=400000-"));

        assertThat(suffix.raw().body()).isEqualTo(Arrays.copyOfRange(video, 299_900, 300_000));
        assertThat(bounded.raw().body()).isEqualTo(Arrays.copyOfRange(video, 10, 20));
        assertThat(outside.status()).isEqualTo(416);
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */300000");
    }

    @Test
    void aClientThatHasTheFileGets304AndAStaleIfRangeGetsTheWholeFile() {
        Response unchanged = learner.api().get("/api/v1/media/" + videoHash, Map.of("If-None-Match", "\"" + videoHash + "\""));
        Response staleRange = learner.api().get("/api/v1/media/" + videoHash,
                Map.of("Range", "bytes=0-9", "If-Range", "\"somethingelse\""));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw().body()).isEmpty();
        assertThat(staleRange.status()).isEqualTo(200);
        assertThat(staleRange.raw().body()).hasSize(video.length);
    }

    @Test
    void headTellsTheSizeWithoutTheBody() {
        Response head = learner.api().send(learner.api().request("/api/v1/media/" + videoHash)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("300000");
        assertThat(head.raw().body()).isEmpty();
    }

    @Test
    void aLearnerWithoutTheCourseIsRefusedButMayWatchThePreview() {
        Device stranger = new Device(accounts.learner("Stranger"));

        Response refused = stranger.api().get("/api/v1/media/" + videoHash);
        Response trailer = stranger.api().get("/api/v1/media/" + previewHash);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("not_entitled");
        assertThat(trailer.status()).isEqualTo(200);
        assertThat(trailer.raw().body()).isEqualTo(preview);
        assertThat(server.client().get("/api/v1/media/" + previewHash).status()).as("signed in only").isEqualTo(401);
    }

    @Test
    void anUnknownOrMalformedHashIsTold() {
        assertThat(learner.api().get("/api/v1/media/" + "0".repeat(64)).status()).isEqualTo(404);
        Response malformed = learner.api().get("/api/v1/media/not-a-hash");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("sha256");
    }

    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
