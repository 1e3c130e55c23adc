package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStage;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.media.CourseDownload;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.testing.WireRows.Course;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The library's lines about server courses on this computer: waiting, downloading live, paused, removed. */
class LibraryDownloadsViewModelTest {

    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);
    private static final String HASH = "a".repeat(64);
    private static final long SIZE = 300_000;

    private final LocalStore store = LocalStore.openInMemory("library-downloads-" + UUID.randomUUID());
    private final MediaDownloader media = MediaDownloader.forStore(store);
    private final SyncService sync = new SyncService(store, new MemoryCredentials(), (url, device, credentials) -> {
        throw new IllegalStateException("this test asks no server");
    }, new Installation("Test laptop", "Linux", "test"), media, MANUAL, Clock.systemUTC(), new SplittableRandom(5));
    private final CourseDownloads downloads = new CourseDownloads(sync, store, media);
    private final Course course = syncedCourse();
    private final CourseId courseId = new CourseId(course.id());
    private final LibraryViewModel viewModel = new LibraryViewModel(LearningServices.over(store, Clock.systemUTC()).courses(),
            LearningServices.over(store, Clock.systemUTC()).dashboard(), UiExecutors.sameThread(), SampleCourseStore.CLOCK,
            opened -> { }, downloads, null);

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void aServerCourseWhoseVideoIsMissingWaitsToDownloadAndCanBeCancelled() {
        viewModel.refresh();

        LibraryRow.DownloadLine line = row().download();
        assertThat(line).isEqualTo(new LibraryRow.DownloadLine(CourseDownload.State.INCOMPLETE,
                "Waiting to download: 0 bytes of 300 kB", 0.0, false));
        assertThat(List.of(line.canCancel(), line.canResume(), line.canRemove(), line.canDownloadAgain()))
                .containsExactly(true, false, true, false);
    }

    @Test
    void whileTheMediaStageWorksOnTheCourseItsRowSaysHowFar() {
        viewModel.refresh();

        viewModel.syncStatus(syncing(new SyncProgress.CourseProgress(course.id(), 100_000, SIZE, 0, 1)));

        assertThat(row().download()).isEqualTo(new LibraryRow.DownloadLine(CourseDownload.State.INCOMPLETE,
                "Downloading 100 kB of 300 kB (0 of 1 files)", 1.0 / 3, true));
    }

    @Test
    void aCancelledDownloadCanBeResumedAndARemovedOneDownloadedAgain() {
        viewModel.refresh();

        viewModel.cancelDownload(row());
        LibraryRow paused = row();
        viewModel.removeDownload(paused);
        LibraryRow removed = row();

        assertThat(paused.download().text()).isEqualTo("Download paused at 0 bytes of 300 kB");
        assertThat(paused.download().canResume()).isTrue();
        assertThat(removed.download().text()).isEqualTo("Not on this computer \u2014 your notes and progress are kept");
        assertThat(List.of(removed.download().canRemove(), removed.download().canDownloadAgain())).containsExactly(false, true);
        assertThat(viewModel.messageProperty().get()).isEqualTo("\u201c" + paused.title() + "\u201d was removed from this"
                + " computer. Your notes, bookmarks and progress are kept.");
    }

    @Test
    void theQuestionBeforeRemovingSaysTheSizeAndThatTheLearnersRecordsStay() {
        viewModel.refresh();

        assertThat(viewModel.removeQuestion(row())).containsExactly(
                "Remove \u201c" + row().title() + "\u201d from this computer?",
                "Its lessons and videos (300 kB) are deleted from this computer; nothing changes on the server. Your"
                        + " notes, bookmarks, progress and quiz attempts on it are kept, and you can download it again"
                        + " from the library or the catalog.");
    }

    private LibraryRow row() {
        return viewModel.rows().stream().filter(row -> row.courseId().equals(courseId)).findFirst().orElseThrow();
    }

    private static SyncStatus syncing(SyncProgress.CourseProgress course) {
        return new SyncStatus(new SyncStatus.Account("http://server", "ana@example.org"), SyncStatus.Connection.ONLINE,
                SyncStatus.Activity.SYNCING, SyncStage.MEDIA, new SyncProgress(course.done(), course.total(),
                SyncProgress.Unit.BYTES, 0, 1, course), 0, 0, 0, 0, null, null, null);
    }

    private Course syncedCourse() {
        Course synced = WireRows.course(2);
        List<SyncRow> rows = new ArrayList<>(synced.rows());
        rows.add(WireRows.mediaFile(synced, "lesson-0.mp4", HASH, SIZE));
        rows.add(WireRows.lessonWithVideo(synced, 0, HASH));
        store.sync().applyPull(answer(page(synced.stream(), "1.1", upserts(rows))));
        return synced;
    }
}
