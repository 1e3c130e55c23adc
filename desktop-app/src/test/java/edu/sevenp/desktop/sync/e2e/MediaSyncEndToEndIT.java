package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.ContentHash;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import edu.sevenp.desktop.store.MediaCacheRepository.State;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The media stage against the real server: a course video arrives verified, once. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaSyncEndToEndIT {

    private RunningServer server;
    private Accounts accounts;

    @TempDir
    static Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** What a sync did with media. */
    private record Media(int files, long bytes, int failed, String problem) {
        static Media of(SyncSummary summary) {
            return new Media(summary.mediaFiles(), summary.mediaBytes(), summary.mediaFailed(), summary.mediaProblem());
        }
    }

    @Test
    void aCourseVideoArrivesVerifiedInTheMediaFolderAndASecondSyncDownloadsNothing() throws IOException {
        byte[] video = new byte[3 * 1024 * 1024 + 12_345];
        new Random(42).nextBytes(video);
        String hash = PackageFixture.sha256(video);
        PackageFixture course = PackageFixture.course("Media end to end", 1, 2).version("1.0.0");
        course.video(course.lesson(0, 0), course.addMedia("media/lesson.mp4", video, "video/mp4"));
        LessonId lesson = new LessonId(UUID.fromString(course.lesson(0, 0).get("id").asText()));
        Response published = accounts.instructor("Ines").api().postBytes("/api/v1/courses/publish", "application/zip",
                Zips.of(course.writeTo(folders.resolve("course"))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        UUID courseId = published.as(PublishResult.class).courseId();
        Accounts.SignedIn ana = accounts.learner("Ana");

        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"))) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            // Signing in syncs by itself; that sync is over once this one is, so the next one is the course's first.
            laptop.syncOnce();
            Response enrolled = ana.api().post("/api/v1/courses/" + courseId + "/enrollment", "");
            assertThat(enrolled.status()).as(enrolled.toString()).isBetween(200, 201);
            SyncSummary first = laptop.syncOnce();
            SyncSummary second = laptop.syncOnce();

            Path file = laptop.store().media().lessonVideo(lesson).orElseThrow();
            assertThat(file).isEqualTo(laptop.store().mediaDirectory().resolve(hash));
            assertThat(ContentHash.sha256(file)).isEqualTo(hash);
            assertThat(laptop.store().mediaCache().entry(hash))
                    .contains(new Entry(hash, video.length, video.length, State.VERIFIED));
            assertThat(List.of(Media.of(first), Media.of(second)))
                    .containsExactly(new Media(1, video.length, 0, null), new Media(0, 0, 0, null));
            assertThat(second.receivedBytes()).as("nothing the size of the video crossed the wire again")
                    .isLessThan(video.length / 100);
        }
    }
}
