package edu.sevenp.desktop.sync.media;

import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.MediaCacheRepository;
import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import edu.sevenp.desktop.store.MediaCacheRepository.State;
import edu.sevenp.desktop.sync.MediaStage.Fetched;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.media.FakeMediaServer.Request;
import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.testing.WireRows.Course;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media stage against a scripted server: resume, verification, free space, progress, refusals, orphans. */
class MediaDownloaderTest {

    private static final int MIB = 1024 * 1024;
    private static final String ONE_FAILED = "1 course file could not be downloaded (damaged on the way, or no longer"
            + " available to you); it will be tried again at the next sync.";

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("media-" + UUID.randomUUID());
    private final MediaCacheRepository cache = store.mediaCache();
    private final MediaFolder folder = new MediaFolder(store.mediaDirectory());
    private final FakeMediaServer server = new FakeMediaServer();
    private final AtomicLong ticks = new AtomicLong();
    private final List<SyncProgress> progress = new ArrayList<>();
    private DiskSpace.Free free = new DiskSpace.Free(1L << 40, "/home (test disk)");
    private final MediaDownloader downloader = new MediaDownloader(cache, folder, directory -> free, ticks::get);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCourseVideoIsDownloadedVerifiedAndFoundByTheLibrary() throws IOException {
        byte[] video = bytes(1, 300_000);
        Course course = syncedCourse(video);

        Fetched fetched = fetch();

        assertThat(fetched).isEqualTo(new Fetched(1, video.length, 0, null));
        assertThat(cache.entry(sha256(video))).contains(new Entry(sha256(video), video.length, video.length, State.VERIFIED));
        assertThat(Files.readAllBytes(store.media().lessonVideo(lesson(course, 0)).orElseThrow())).isEqualTo(video);
    }

    @Test
    void aCutDownloadResumesFromTheBytesItHasAndTheFileVerifies() throws IOException {
        byte[] video = bytes(2, 10 * MIB);
        String hash = sha256(video);
        Course course = syncedCourse(video);
        long cutAt = 6L * MIB + 123;
        server.cutAfter(hash, cutAt);

        SyncFailure cut = catchThrowableOfType(this::fetch, SyncFailure.class);
        Optional<Entry> afterCut = cache.entry(hash);
        Fetched resumed = fetch();

        assertThat(cut.kind()).isEqualTo(SyncFailure.Kind.NETWORK);
        assertThat(afterCut).contains(new Entry(hash, video.length, cutAt, State.DOWNLOADING));
        assertThat(server.requests()).containsExactly(new Request(hash, 0), new Request(hash, cutAt));
        assertThat(resumed).isEqualTo(new Fetched(1, video.length - cutAt, 0, null));
        assertThat(Files.readAllBytes(store.media().lessonVideo(lesson(course, 0)).orElseThrow())).isEqualTo(video);
    }

    @Test
    void theCacheRowFollowsTheBytesOnDiskAtEachCheckpoint() {
        long checkpoint = FileDownload.CHECKPOINT;
        byte[] video = bytes(3, (int) (2 * checkpoint + MIB));
        syncedCourse(video);
        Set<Long> seen = new TreeSet<>();
        server.watchReads((sha256, position) -> cache.entry(sha256).ifPresent(entry -> seen.add(entry.bytesPresent())));

        fetch();

        assertThat(seen).containsExactly(0L, checkpoint, 2 * checkpoint);
    }

    @Test
    void aServerThatIgnoresTheRangeStillLeavesTheRightFile() throws IOException {
        byte[] video = bytes(4, 3 * MIB);
        String hash = sha256(video);
        Course course = syncedCourse(video);
        server.cutAfter(hash, MIB);
        catchThrowableOfType(this::fetch, SyncFailure.class);
        server.ignoringRanges();

        Fetched again = fetch();

        assertThat(server.requests()).containsExactly(new Request(hash, 0), new Request(hash, MIB));
        assertThat(again).isEqualTo(new Fetched(1, video.length, 0, null));
        assertThat(Files.readAllBytes(store.media().lessonVideo(lesson(course, 0)).orElseThrow())).isEqualTo(video);
    }

    @Test
    void aDamagedDownloadIsNeverUsedAndIsDownloadedAgainAtTheNextSync() throws IOException {
        byte[] video = bytes(5, 500_000);
        String hash = sha256(video);
        byte[] damaged = Arrays.copyOf(video, video.length);
        damaged[250_000] ^= 0x10;
        Course course = syncedCourse(video);
        server.damageOnce(hash, damaged);

        Fetched damagedRun = fetch();
        Optional<Path> usable = store.media().lessonVideo(lesson(course, 0));
        Optional<Entry> entry = cache.entry(hash);
        List<Boolean> leftOnDisk = List.of(Files.exists(folder.partOf(hash)), Files.exists(folder.pathOf(hash)));
        Fetched retried = fetch();

        assertThat(damagedRun).isEqualTo(new Fetched(0, video.length, 1, ONE_FAILED));
        assertThat(usable).isEmpty();
        assertThat(entry).contains(new Entry(hash, video.length, 0, State.CORRUPT));
        assertThat(leftOnDisk).containsExactly(false, false);
        assertThat(retried).isEqualTo(new Fetched(1, video.length, 0, null));
        assertThat(Files.readAllBytes(store.media().lessonVideo(lesson(course, 0)).orElseThrow())).isEqualTo(video);
    }

    @Test
    void verifiedFilesAreNotDownloadedAgain() {
        byte[] first = bytes(6, 100_000);
        byte[] second = bytes(7, 100_000);
        syncedCourse(first, second);
        fetch();
        int reportsOfTheFirstSync = progress.size();

        Fetched again = fetch();

        assertThat(server.requests()).containsExactly(new Request(sha256(first), 0), new Request(sha256(second), 0));
        assertThat(again).isEqualTo(new Fetched(0, 0, 0, null));
        assertThat(progress).as("nothing to do, not even a file to read again").hasSize(reportsOfTheFirstSync);
    }

    @Test
    void aFileInPlaceWhoseRowWasNeverWrittenIsCheckedAndKeptNotDownloaded() throws IOException {
        byte[] video = bytes(21, 100_000);
        String hash = sha256(video);
        syncedCourse(video);
        // The process ended between moving a verified file into place and writing its row.
        Files.createDirectories(folder.directory());
        Files.write(folder.pathOf(hash), video);

        Fetched fetched = fetch();

        assertThat(server.requests()).isEmpty();
        assertThat(fetched).isEqualTo(new Fetched(0, 0, 0, null));
        assertThat(cache.entry(hash)).contains(new Entry(hash, video.length, video.length, State.VERIFIED));
    }

    @Test
    void aFileTwoCoursesShareIsDownloadedOnce() {
        byte[] video = bytes(8, 100_000);
        syncedCourse(video);
        syncedCourse(video);

        Fetched fetched = fetch();

        assertThat(server.requests()).containsExactly(new Request(sha256(video), 0));
        assertThat(fetched).isEqualTo(new Fetched(1, video.length, 0, null));
    }

    @Test
    void aFileACoursePackageImportPutThereIsNotDownloaded() {
        byte[] video = bytes(9, 200_000);
        importPackage("Packaged", video);
        syncedCourse(video);

        Fetched fetched = fetch();

        assertThat(server.requests()).isEmpty();
        assertThat(fetched).isEqualTo(new Fetched(0, 0, 0, null));
    }

    @Test
    void notEnoughFreeSpaceIsToldInPlainWordsAndNothingIsDownloaded() {
        syncedCourse(bytes(10, 2 * MIB));
        free = new DiskSpace.Free(50_000_000, "/home (test disk)");

        Fetched fetched = fetch();

        // 2 MiB of video and 100 MiB to spare: 106,954,752 bytes.
        assertThat(fetched).isEqualTo(new Fetched(0, 0, 0, "Not enough free disk space for the course videos: 107 MB"
                + " needed, 50 MB free on /home (test disk). Free some space; sync goes on without them."));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void notEnoughFreeSpaceIsToldInGermanToAGermanLearner() {
        syncedCourse(bytes(10, 2 * MIB));
        free = new DiskSpace.Free(50_000_000, "/home (test disk)");
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        Fetched fetched;
        try {
            fetched = fetch();
        } finally {
            Locale.setDefault(before);
        }

        assertThat(fetched.problem()).isEqualTo("Nicht genug freier Speicherplatz für die Kursvideos: 107 MB nötig, auf"
                + " /home (test disk) sind 50 MB frei. Schaffen Sie Platz; die Synchronisierung läuft ohne sie weiter.");
    }

    @Test
    void progressIsToldInBytesAndFilesAtMostTenTimesASecond() {
        Course course = syncedCourse(bytes(11, MIB), bytes(12, MIB));
        // Each 64 KiB read takes 10 ms: 2 files of 16 reads and an end, 340 ms in all.
        server.watchReads((sha256, position) -> ticks.addAndGet(Duration.ofMillis(10).toNanos()));

        fetch();

        assertThat(progress.get(0)).isEqualTo(new SyncProgress(0, 2L * MIB, SyncProgress.Unit.BYTES, 0, 2,
                new SyncProgress.CourseProgress(course.id(), 0, 2L * MIB, 0, 2)));
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new SyncProgress(2L * MIB, 2L * MIB,
                SyncProgress.Unit.BYTES, 2, 2, new SyncProgress.CourseProgress(course.id(), 2L * MIB, 2L * MIB, 2, 2)));
        // The first and the last, and one at most every 100 ms between them.
        assertThat(progress).hasSizeBetween(3, 2 + 340 / 100);
    }

    @Test
    void aFileTheServerDoesNotHaveIsCountedAndTheOthersStillArrive() {
        byte[] missing = bytes(13, 100_000);
        byte[] present = bytes(14, 100_000);
        Course course = syncedCourse(missing, present);
        server.notFound(sha256(missing));

        Fetched fetched = fetch();

        assertThat(fetched).isEqualTo(new Fetched(1, present.length, 1, ONE_FAILED));
        assertThat(store.media().lessonVideo(lesson(course, 0))).isEmpty();
        assertThat(store.media().lessonVideo(lesson(course, 1))).isPresent();
    }

    @Test
    void aNetworkFailureStopsTheStageAndFailsTheSync() {
        byte[] first = bytes(15, 100_000);
        byte[] second = bytes(16, 100_000);
        syncedCourse(first, second);
        server.offline();

        SyncFailure failure = catchThrowableOfType(this::fetch, SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.UNREACHABLE);
        assertThat(server.requests()).containsExactly(new Request(sha256(first), 0));
    }

    @Test
    void filesNoCourseUsesAnyMoreAreRemovedAndFilesStillUsedStay() throws IOException {
        byte[] lost = bytes(17, 100_000);
        byte[] kept = bytes(18, 100_000);
        byte[] packaged = bytes(19, 100_000);
        Course gone = syncedCourse(lost);
        syncedCourse(kept);
        importPackage("Packaged", packaged);
        fetch();
        String stray = "e".repeat(64);
        Files.write(folder.partOf(stray), new byte[] {1, 2, 3});
        store.sync().applyPull(new PullResponse(WireRows.AT, List.of(), List.of(gone.stream()), false));

        Fetched fetched = fetch();

        assertThat(fetched).isEqualTo(new Fetched(0, 0, 0, null));
        assertThat(cache.entries().keySet()).containsExactlyInAnyOrder(sha256(kept), sha256(packaged));
        assertThat(List.of(Files.exists(folder.pathOf(sha256(lost))), Files.exists(folder.partOf(stray)),
                Files.exists(folder.pathOf(sha256(kept))), Files.exists(folder.pathOf(sha256(packaged)))))
                .containsExactly(false, false, true, true);
    }

    @Test
    void aMediaFolderThatCannotBeWrittenIsToldAndSyncGoesOn() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("media"), "a file where the folder should be");
        MediaDownloader blocked = new MediaDownloader(cache, new MediaFolder(notAFolder), directory -> free, ticks::get);
        syncedCourse(bytes(20, 100_000));

        Fetched fetched = blocked.fetch(server, progress::add);

        assertThat(fetched).isEqualTo(new Fetched(0, 0, 0, "Could not save the course videos in " + notAFolder + " ("
                + notAFolder + "). Sync goes on without them; they will be downloaded once the folder can be written."));
        assertThat(server.requests()).isEmpty();
    }

    private Fetched fetch() {
        return downloader.fetch(server, progress::add);
    }

    /** A course on the server with one lesson per video, synced to this device; the server serves the videos. */
    private Course syncedCourse(byte[]... videos) {
        Course course = WireRows.course(videos.length);
        List<SyncRow> rows = new ArrayList<>(course.rows());
        for (int i = 0; i < videos.length; i++) {
            String hash = sha256(videos[i]);
            rows.add(WireRows.mediaFile(course, "lesson-" + i + ".mp4", hash, videos[i].length));
            rows.add(WireRows.lessonWithVideo(course, i, hash));
            server.serve(hash, videos[i]);
        }
        store.sync().applyPull(answer(page(course.stream(), "1.1", upserts(rows))));
        return course;
    }

    private void importPackage(String title, byte[] video) {
        PackageFixture fixture = PackageFixture.course(title, 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", video, "video/mp4"));
        store.importer().importPackage(fixture.read(temp.resolve("package-" + UUID.randomUUID())));
    }

    private static LessonId lesson(Course course, int index) {
        return new LessonId(course.lessons().get(index));
    }

    private static String sha256(byte[] bytes) {
        return PackageFixture.sha256(bytes);
    }

    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
