package edu.sevenp.desktop.sync.media;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MediaStage.Fetched;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.FakeMediaServer.Request;
import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.testing.WireRows.Course;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server course's copy on this computer: its media download cancelled midway and resumed from the bytes it had,
 * removed while the learner's notes and progress stay (and its later changes passed over), and asked for again in full.
 */
class CourseDownloadsTest {

    private static final int MIB = 1024 * 1024;
    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    private final LocalStore store = LocalStore.openInMemory("downloads-" + UUID.randomUUID());
    private final MediaFolder folder = new MediaFolder(store.mediaDirectory());
    private final FakeMediaServer server = new FakeMediaServer();
    private final AtomicLong ticks = new AtomicLong();
    private final List<SyncProgress> progress = new ArrayList<>();
    private final MediaDownloader media = new MediaDownloader(store.mediaCache(), folder,
            directory -> new DiskSpace.Free(1L << 40, "/home (test disk)"), ticks::get);
    private final SyncService sync = new SyncService(store, new MemoryCredentials(), (url, device, credentials) -> server,
            new Installation("Test laptop", "Linux", "test"), media, MANUAL, Clock.systemUTC(), new SplittableRandom(3));
    private final CourseDownloads downloads = new CourseDownloads(sync, store, media);
    private final byte[] video = bytes(1, 3 * MIB);
    private final String hash = PackageFixture.sha256(video);
    private final Course course = syncedCourse();
    private final CourseId courseId = new CourseId(course.id());

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void aCancelledDownloadStopsMidFileKeepsWhatArrivedAndResumesFromThere() throws Exception {
        long cancelAt = MIB + 4096;
        server.watchReads((sha256, position) -> {
            if (position >= cancelAt) {
                downloads.cancel(courseId);
            }
        });

        Fetched cancelled = fetch();
        CourseDownload paused = downloads.list().get(courseId);
        long kept = Files.size(folder.partOf(hash));
        Fetched whilePaused = fetch();
        downloads.resume(courseId);
        server.watchReads((sha256, position) -> { });
        Fetched resumed = fetch();

        assertThat(cancelled).isEqualTo(new Fetched(0, kept, 0, null));
        assertThat(kept).as("the read under way, and no more").isBetween(cancelAt, cancelAt + 2 * 64 * 1024);
        assertThat(paused).isEqualTo(new CourseDownload(courseId, CourseDownload.State.PAUSED, kept, video.length, 0, 1));
        assertThat(whilePaused).isEqualTo(new Fetched(0, 0, 0, null));
        assertThat(server.requests()).containsExactly(new Request(hash, 0), new Request(hash, kept));
        assertThat(resumed).isEqualTo(new Fetched(1, video.length - kept, 0, null));
        assertThat(downloads.list().get(courseId)).isEqualTo(new CourseDownload(courseId, CourseDownload.State.COMPLETE,
                video.length, video.length, 1, 1));
    }

    @Test
    void theMediaStageTellsHowFarTheCourseOfTheFileUnderWayIs() {
        fetch();

        SyncProgress last = progress.get(progress.size() - 1);
        assertThat(last.course()).isEqualTo(new SyncProgress.CourseProgress(course.id(), video.length, video.length, 1, 1));
        assertThat(progress.get(0).course()).as("the first report names the course before a byte arrives")
                .isEqualTo(new SyncProgress.CourseProgress(course.id(), 0, video.length, 0, 1));
    }

    @Test
    void removingADownloadTakesContentAndMediaButKeepsNotesAndProgressAndPassesOverLaterChanges() {
        fetch();
        LearningServices learning = LearningServices.over(store, Clock.systemUTC());
        LessonId first = new LessonId(course.lessons().get(0));
        Note note = learning.notes().create(first, "Keep this", null);
        learning.progress().markComplete(first, 120);

        boolean removed = downloads.remove(courseId);
        store.sync().applyPull(answer(page(course.stream(), "2.1", upserts(WireRows.lesson(course, 1, "Renamed")))));

        assertThat(removed).isTrue();
        assertThat(downloads.list().get(courseId)).isEqualTo(new CourseDownload(courseId, CourseDownload.State.REMOVED,
                0, 0, 0, 0));
        assertThat(Files.exists(folder.pathOf(hash))).as("the video is gone from the disk").isFalse();
        assertThat(store.mediaCache().entry(hash)).isEmpty();
        assertThat(lessonBodies()).containsOnlyNulls();
        assertThat(learning.notes().forLesson(first)).extracting(Note::content).containsExactly("Keep this");
        assertThat(learning.courses().outline(courseId).orElseThrow().completedLessons()).isEqualTo(1L);
        assertThat(lessonTitles()).as("the later change was passed over").doesNotContain("Renamed");
        assertThat(store.sync().cursors()).containsEntry(course.stream(), "2.1");
        assertThat(note.content()).isEqualTo("Keep this");
    }

    @Test
    void aRemovedCourseDownloadedAgainComesInFullWithoutWhatTheServerDeletedMeanwhile() {
        fetch();
        LearningServices learning = LearningServices.over(store, Clock.systemUTC());
        learning.notes().create(new LessonId(course.lessons().get(0)), "Keep this", null);
        downloads.remove(courseId);

        downloads.resume(courseId);
        List<SyncRow> copy = new ArrayList<>(course.rows());
        copy.removeIf(row -> row.id().equals(course.lessons().get(1)));
        copy.add(WireRows.mediaFile(course, "lesson-0.mp4", hash, video.length));
        copy.add(WireRows.lessonWithVideo(course, 0, hash));
        boolean streamDropped = !store.sync().cursors().containsKey(course.stream());
        store.sync().applyPull(answer(new StreamPage(course.stream(), "9.1", false, true, true, upserts(copy))));
        Fetched again = fetch();

        assertThat(streamDropped).as("the next pull asks for the course from the beginning").isTrue();
        assertThat(lessonTitles()).containsExactlyInAnyOrder("Lesson 1", "Lesson 3");
        assertThat(lessonBodies()).doesNotContainNull();
        assertThat(again).isEqualTo(new Fetched(1, video.length, 0, null));
        assertThat(learning.notes().forLesson(new LessonId(course.lessons().get(0)))).extracting(Note::content)
                .containsExactly("Keep this");
        assertThat(downloads.list().get(courseId).state()).isEqualTo(CourseDownload.State.COMPLETE);
    }

    @Test
    void theRoomANewDownloadNeedsKeepsTheMediaStagesMargin() {
        CourseDownloads.Room room = downloads.room(10_000_000L);

        assertThat(room).isEqualTo(new CourseDownloads.Room(10_000_000L + MediaDownloader.MARGIN_BYTES, 1L << 40,
                "/home (test disk)"));
        assertThat(room.fits()).isTrue();
    }

    private Fetched fetch() {
        return media.fetch(server, progress::add);
    }

    private Course syncedCourse() {
        Course synced = WireRows.course(3);
        List<SyncRow> rows = new ArrayList<>(synced.rows());
        rows.add(WireRows.mediaFile(synced, "lesson-0.mp4", hash, video.length));
        rows.add(WireRows.lessonWithVideo(synced, 0, hash));
        server.serve(hash, video);
        store.sync().applyPull(answer(page(synced.stream(), "1.1", upserts(rows))));
        return synced;
    }

    private List<String> lessonTitles() {
        return new StoreFixture(store).dsl().select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS)
                .where(COURSE_LESSONS.COURSE_ID.eq(course.id())).fetch(COURSE_LESSONS.TITLE);
    }

    private List<String> lessonBodies() {
        return new StoreFixture(store).dsl().select(COURSE_LESSONS.CONTENT).from(COURSE_LESSONS)
                .where(COURSE_LESSONS.COURSE_ID.eq(course.id())).fetch(COURSE_LESSONS.CONTENT);
    }

    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
