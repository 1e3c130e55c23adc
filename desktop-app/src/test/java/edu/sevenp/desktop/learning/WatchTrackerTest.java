package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.WatchedIntervals.Interval;
import org.junit.jupiter.api.Test;

class WatchTrackerTest {

    private final WatchTracker tracker = new WatchTracker(WatchedIntervals.none());

    @Test
    void playingFromTheStartCoversWhatPlayed() {
        play(0, 12.5, 0.25);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 12.5));
    }

    @Test
    void seekingSkipsThePartInBetween() {
        play(0, 10, 0.25);
        tracker.soughtTo(60);
        play(60, 70, 0.25);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 10), new Interval(60, 70));
    }

    @Test
    void seekingToTheEndAndPlayingOutGivesOnlyTheEnd() {
        tracker.soughtTo(95);
        play(95, 99.9, 0.25);
        tracker.reachedEnd(100);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(95, 100));
        assertThat(tracker.watched().completes(100)).isFalse();
    }

    @Test
    void watchingToTheEndCompletes() {
        play(0, 99.8, 0.2);
        tracker.reachedEnd(100);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 100));
        assertThat(tracker.watched().completes(100)).isTrue();
    }

    @Test
    void aLateReportFromBeforeASeekDoesNotBridgeTheSkippedPart() {
        play(0, 10, 0.5);
        tracker.soughtTo(50);
        tracker.playedTo(10.2); // the player still reported its old place
        play(50, 55, 0.5);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 10), new Interval(50, 55));
    }

    @Test
    void aJumpThePlayerMadeOnItsOwnCountsNothing() {
        play(0, 10, 0.5);
        tracker.playedTo(40);
        tracker.playedTo(40.5);
        tracker.playedTo(5);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 10), new Interval(40, 40.5));
    }

    @Test
    void pausingAndPlayingOnContinuesTheInterval() {
        play(0, 20, 0.5);
        tracker.paused(20.1);
        tracker.playedTo(20.3);
        play(20.3, 30, 0.5);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 30));
    }

    @Test
    void whatWasWatchedBeforeIsKept() {
        WatchTracker resumed = new WatchTracker(WatchedIntervals.none().with(0, 40));
        resumed.soughtTo(38);
        for (double t = 38; t <= 60; t += 0.5) {
            resumed.playedTo(t);
        }

        assertThat(resumed.watched().intervals()).containsExactly(new Interval(0, 60));
    }

    @Test
    void atDoubleSpeedReportsStillCount() {
        play(0, 30, 1.0);

        assertThat(tracker.watched().intervals()).containsExactly(new Interval(0, 30));
    }

    /** Reports every {@code step} seconds from {@code from} to {@code to}, as a playing player does. */
    private void play(double from, double to, double step) {
        for (double t = from; t < to; t += step) {
            tracker.playedTo(t);
        }
        tracker.playedTo(to);
    }
}
