package edu.sevenp.desktop.ui.video;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.VideoService.WatchReport;
import edu.sevenp.desktop.ui.RecordingFeedback;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The video of the sample's recap lesson, played by a scripted player. */
class VideoViewModelTest {

    private static final LessonRef RECAP = new LessonRef(SampleCourseStore.COURSE, SampleCourseStore.RECAP_LESSON);
    private static final LessonRef FIRST = new LessonRef(SampleCourseStore.COURSE, SampleCourseStore.FIRST_LESSON);
    private static final double LENGTH = 79.9;

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final SampleCourseStore sample = SampleCourseStore.open(clock);
    private final RecordingFeedback feedback = new RecordingFeedback();
    private final ScriptedPlayback.Opener players = new ScriptedPlayback.Opener();
    private final List<WatchReport> completions = new ArrayList<>();
    private final VideoViewModel video = new VideoViewModel(sample.learning().video(), UiExecutors.sameThread(), feedback,
            players, clock);

    VideoViewModelTest() {
        video.onCompleted(completions::add);
    }

    @AfterEach
    void close() {
        sample.close();
    }

    @Test
    void aVideoLessonOpensItsVideoAtTheStartWithItsLength() {
        ScriptedPlayback player = open();

        assertThat(video.hasVideoProperty().get()).isTrue();
        assertThat(player.file).isRegularFile();
        assertThat(video.readyProperty().get()).isTrue();
        assertThat(video.durationProperty().get()).isEqualTo(LENGTH);
        assertThat(video.timeTextProperty().get()).isEqualTo("0:00 / 1:19");
        assertThat(video.watchedTextProperty().get()).isEqualTo("Watched 0% · completes at 90%");
        assertThat(player.calls).containsExactly("rate 1.0", "volume 1.0", "seek 0.0");
    }

    @Test
    void aTextLessonHasNoVideo() {
        video.show(FIRST);

        assertThat(video.hasVideoProperty().get()).isFalse();
        assertThat(players.opened).isEmpty();
    }

    @Test
    void stepsAndJumpsMoveWithinTheVideoAndShowTheCaptionOfTheirTime() {
        ScriptedPlayback player = open();

        video.seekBy(VideoViewModel.STEP_SECONDS);
        assertThat(video.captionProperty().get()).isEqualTo("Welcome to this short recap of Introduction to Relational Databases.");
        video.seekBy(VideoViewModel.JUMP_SECONDS);
        assertThat(video.positionProperty().get()).isEqualTo(15);
        assertThat(video.captionProperty().get()).isEqualTo("Each row is one thing, such as a student.");
        video.seekBy(-3 * VideoViewModel.JUMP_SECONDS);
        assertThat(video.positionProperty().get()).isZero();
        assertThat(video.captionProperty().get()).isEmpty();
        video.seekToEnd();
        assertThat(video.positionProperty().get()).isEqualTo(LENGTH);
        assertThat(player.calls).endsWith("seek 5.0", "seek 15.0", "seek 0.0", "seek " + LENGTH);
    }

    @Test
    void captionsTurnOffAndOnAgain() {
        open();
        video.seekTo(5);

        video.toggleCaptions();
        assertThat(video.captionProperty().get()).isEmpty();
        assertThat(feedback.statuses()).containsExactly("Captions off.");
        video.toggleCaptions();
        assertThat(video.captionProperty().get()).startsWith("Welcome");
    }

    @Test
    void seekingToTheEndAndPlayingItOutDoesNotCompleteTheLesson() {
        ScriptedPlayback player = open();

        video.seekTo(LENGTH - 3);
        video.play();
        player.playTo(LENGTH);
        video.ended();

        assertThat(completions).isEmpty();
        LessonProgress stored = progress();
        assertThat(stored.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(stored.lastPosition()).isEqualTo(79);
        assertThat(video.watchedTextProperty().get()).isEqualTo("Watched 3% · completes at 90%");
    }

    @Test
    void watchingTheVideoCompletesTheLessonOnceNineTenthsHavePlayed() {
        ScriptedPlayback player = open();

        video.play();
        player.playTo(70);
        assertThat(completions).isEmpty();
        player.playTo(72);

        assertThat(completions).containsExactly(new WatchReport(72 / LENGTH, true, false));
        assertThat(progress().status()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(video.watchedTextProperty().get()).isEqualTo("Watched 90%");
        player.playTo(LENGTH);
        video.ended();
        assertThat(completions).hasSize(1);
    }

    @Test
    void skippingAPartLeavesItUnwatched() {
        ScriptedPlayback player = open();

        video.play();
        player.playTo(30);
        video.seekTo(40);
        player.playTo(LENGTH);
        video.ended();

        assertThat(completions).isEmpty();
        assertThat(video.watchedTextProperty().get()).isEqualTo("Watched 87% · completes at 90%");
    }

    @Test
    void pausingSavesWhereTheLearnerIsAndReopeningResumesThere() {
        ScriptedPlayback player = open();
        video.play();
        player.playTo(42.5);

        video.pause();

        assertThat(progress().lastPosition()).isEqualTo(42);
        video.show(FIRST);
        assertThat(player.disposed).isTrue();
        video.show(RECAP);
        players.last().events().ready(LENGTH);
        assertThat(video.positionProperty().get()).isEqualTo(40);
        assertThat(video.watchedTextProperty().get()).isEqualTo("Watched 53% · completes at 90%");
    }

    @Test
    void whilePlayingTheVideoIsSavedEveryHalfMinute() {
        ScriptedPlayback player = open();
        video.play();
        player.playTo(10);
        assertThat(sample.learning().progress().progress(SampleCourseStore.RECAP_LESSON)).isEmpty();

        clock.advance(VideoViewModel.REPORT_EVERY.plus(Duration.ofSeconds(1)));
        player.playTo(11);

        assertThat(progress().lastPosition()).as("saved at the first report after half a minute").isEqualTo(10);
    }

    @Test
    void aNotesTimePlaysTheVideoFromThereOnceItIsReady() {
        video.seekWhenShown(SampleCourseStore.RECAP_LESSON, 33);
        ScriptedPlayback player = open();

        assertThat(video.positionProperty().get()).isEqualTo(33);
        assertThat(video.currentSecond()).contains(33);
        video.seekWhenShown(SampleCourseStore.RECAP_LESSON, 61);
        assertThat(player.calls).endsWith("seek 61.0");
    }

    @Test
    void speedAndVolumeStayWithinTheirRanges() {
        ScriptedPlayback player = open();

        video.setRate(3);
        video.setRate(0.1);
        video.setVolume(0.5);
        video.changeVolume(0.8);

        assertThat(video.rateProperty().get()).isEqualTo(0.5);
        assertThat(video.volumeProperty().get()).isEqualTo(1.0);
        assertThat(player.calls).endsWith("rate 2.0", "rate 0.5", "volume 0.5", "volume 1.0");
    }

    @Test
    void aVideoNotOnThisComputerSaysSoAndOpensNoPlayer() throws Exception {
        Files.delete(sample.learning().video().open(SampleCourseStore.RECAP_LESSON).orElseThrow().file().orElseThrow());

        video.show(RECAP);

        assertThat(video.hasVideoProperty().get()).isTrue();
        assertThat(video.messageProperty().get()).isEqualTo("This video is not on this computer yet: it downloads with the next sync.");
        assertThat(players.opened).isEmpty();
        video.togglePlay();
        assertThat(video.playingProperty().get()).isFalse();
    }

    @Test
    void aPlayerThatFailsSaysWhy() {
        ScriptedPlayback player = open();

        player.events().failed("No sound output.");

        assertThat(video.messageProperty().get()).isEqualTo("No sound output.");
        assertThat(video.readyProperty().get()).isFalse();
    }

    private ScriptedPlayback open() {
        video.show(RECAP);
        ScriptedPlayback player = players.last();
        player.events().ready(LENGTH);
        return player;
    }

    private LessonProgress progress() {
        return sample.learning().progress().progress(SampleCourseStore.RECAP_LESSON).orElseThrow();
    }
}
