package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.captions.Cue;
import edu.sevenp.desktop.learning.VideoService.WatchReport;
import edu.sevenp.desktop.learning.WatchedIntervals.Interval;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample course's recap video: opening it, resuming it, and completing it only by watching. */
class VideoServiceTest {

    private final SampleCourseStore sample = SampleCourseStore.open();
    private final VideoService videos = sample.learning().video();
    private final ProgressService progress = sample.learning().progress();

    @AfterEach
    void close() {
        sample.close();
    }

    @Test
    void theRecapOpensWithItsVideoFileAndItsCaptionsRead() throws Exception {
        VideoLesson recap = videos.open(SampleCourseStore.RECAP_LESSON).orElseThrow();

        assertThat(recap.file()).hasValueSatisfying(file -> assertThat(file).isRegularFile());
        assertThat(Files.size(recap.file().get())).isEqualTo(1_089_980);
        assertThat(recap.durationSeconds()).isEqualTo(SampleCourseStore.RECAP_SECONDS);
        assertThat(recap.captions()).singleElement().satisfies(track -> {
            assertThat(track.label()).isEqualTo("English");
            assertThat(track.unavailable()).isEmpty();
            assertThat(track.cues().problems()).isEmpty();
            assertThat(track.cues().cues()).hasSize(15).first().extracting(Cue::text)
                    .isEqualTo("Welcome to this short recap of Introduction to Relational Databases.");
            assertThat(track.cues().textAt(16)).isEqualTo("Each row is one thing, such as a student.");
        });
        assertThat(recap.watched()).isEqualTo(WatchedIntervals.none());
        assertThat(recap.startAt()).isZero();
        assertThat(recap.completed()).isFalse();
    }

    @Test
    void aTextLessonHasNoVideo() {
        assertThat(videos.open(SampleCourseStore.FIRST_LESSON)).isEmpty();
    }

    @Test
    void seekingToTheEndAndWatchingTheLastSecondsDoesNotComplete() {
        WatchReport report = videos.recordWatching(SampleCourseStore.RECAP_LESSON, 80, 80,
                WatchedIntervals.none().with(76, 80));

        assertThat(report).isEqualTo(new WatchReport(0.05, false, false));
        LessonProgress stored = progress.progress(SampleCourseStore.RECAP_LESSON).orElseThrow();
        assertThat(stored.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(stored.percentage()).isEqualByComparingTo("5");
        assertThat(stored.lastPosition()).isEqualTo(80);
    }

    @Test
    void watchingNineTenthsCompletesTheLessonOnce() {
        WatchedIntervals watched = WatchedIntervals.none().with(0, 40).with(44, 80);

        WatchReport first = videos.recordWatching(SampleCourseStore.RECAP_LESSON, 80, 80, watched);
        WatchReport again = videos.recordWatching(SampleCourseStore.RECAP_LESSON, 80, 80, watched);

        assertThat(first).isEqualTo(new WatchReport(0.95, true, false));
        assertThat(again.completedLesson()).isFalse();
        LessonProgress stored = progress.progress(SampleCourseStore.RECAP_LESSON).orElseThrow();
        assertThat(stored.status()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(stored.percentage()).isEqualByComparingTo(new BigDecimal("100"));
    }

    @Test
    void whatWasWatchedIsKeptAndTheVideoResumesALittleBeforeWhereItWasLeft() {
        videos.recordWatching(SampleCourseStore.RECAP_LESSON, 42.7, 79.9, WatchedIntervals.none().with(0, 12.34).with(30, 42.7));

        VideoLesson reopened = videos.open(SampleCourseStore.RECAP_LESSON).orElseThrow();

        assertThat(reopened.watched().intervals()).containsExactly(new Interval(0, 12.3), new Interval(30, 42.7));
        assertThat(reopened.startAt()).isEqualTo(40);
    }

    @Test
    void aVideoLeftAtItsEndStartsAgainFromTheBeginning() {
        videos.recordWatching(SampleCourseStore.RECAP_LESSON, 79.9, 79.9, WatchedIntervals.none().with(0, 79.9));

        VideoLesson reopened = videos.open(SampleCourseStore.RECAP_LESSON).orElseThrow();

        assertThat(reopened.startAt()).isZero();
        assertThat(reopened.completed()).isTrue();
    }

    @Test
    void aVideoNotOnThisComputerOpensWithoutAFile() throws Exception {
        Files.delete(videos.open(SampleCourseStore.RECAP_LESSON).orElseThrow().file().orElseThrow());

        VideoLesson recap = videos.open(SampleCourseStore.RECAP_LESSON).orElseThrow();

        assertThat(recap.file()).isEmpty();
        assertThat(recap.captions()).singleElement().extracting(VideoCaptions::unavailable).isEqualTo("");
    }
}
