package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.LessonId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StudyTimerTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final StudyTimer timer = new StudyTimer(clock);
    private final LessonId first = new LessonId(UUID.randomUUID());
    private final LessonId second = new LessonId(UUID.randomUUID());

    @Test
    void switchingLessonsHandsOutTheTimeOnThePreviousOne() {
        assertThat(timer.switchTo(first)).isEmpty();
        clock.advance(Duration.ofSeconds(95));

        assertThat(timer.switchTo(second)).contains(new TimeSpent(first, 95));
        assertThat(timer.lesson()).contains(second);
    }

    @Test
    void lapsAreDeltasAndKeepTheFractionOfASecond() {
        timer.switchTo(first);
        clock.advance(Duration.ofMillis(30_700));
        assertThat(timer.lap()).contains(new TimeSpent(first, 30));
        clock.advance(Duration.ofMillis(29_400));

        assertThat(timer.lap()).contains(new TimeSpent(first, 30));
    }

    @Test
    void lessThanASecondIsNotReported() {
        timer.switchTo(first);
        clock.advance(Duration.ofMillis(400));

        assertThat(timer.lap()).isEmpty();
    }

    @Test
    void switchingToTheSameLessonKeepsTiming() {
        timer.switchTo(first);
        clock.advance(Duration.ofSeconds(10));

        assertThat(timer.switchTo(first)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(timer.stop()).contains(new TimeSpent(first, 15));
    }

    @Test
    void aReportNeverExceedsWhatTheServiceAccepts() {
        timer.switchTo(first);
        clock.advance(Duration.ofDays(3));

        assertThat(timer.lap()).contains(new TimeSpent(first, 86_400));
    }

    @Test
    void stopEndsTiming() {
        timer.switchTo(first);
        clock.advance(Duration.ofSeconds(7));

        assertThat(timer.stop()).contains(new TimeSpent(first, 7));
        clock.advance(Duration.ofSeconds(7));
        assertThat(timer.lap()).isEmpty();
        assertThat(timer.lesson()).isEmpty();
    }

    @Test
    void noTimeCountsWhilePausedAndAPauseOutlastsALessonSwitch() {
        timer.switchTo(first);
        clock.advance(Duration.ofSeconds(20));
        timer.pause(clock.instant());
        clock.advance(Duration.ofMinutes(30));

        assertThat(timer.switchTo(second)).contains(new TimeSpent(first, 20));
        clock.advance(Duration.ofMinutes(3));
        assertThat(timer.lap()).isEmpty();

        timer.resume();
        clock.advance(Duration.ofSeconds(12));
        assertThat(timer.lap()).contains(new TimeSpent(second, 12));
    }

    @Test
    void anIdlePauseCountsOnlyUntilTheLearnerWentIdle() {
        timer.switchTo(first);
        clock.advance(Duration.ofMinutes(7));

        timer.pause(clock.instant().minus(Duration.ofMinutes(2)));

        assertThat(timer.lap()).contains(new TimeSpent(first, 300));
        assertThat(timer.isPaused()).isTrue();
    }

    @Test
    void pausingTwiceKeepsTheFirstPause() {
        timer.switchTo(first);
        clock.advance(Duration.ofSeconds(10));
        timer.pause(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        timer.pause(clock.instant());

        assertThat(timer.stop()).contains(new TimeSpent(first, 10));
    }
}
