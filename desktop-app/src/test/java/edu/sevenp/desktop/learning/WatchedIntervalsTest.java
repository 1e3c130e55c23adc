package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.WatchedIntervals.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchedIntervalsTest {

    @Test
    void overlappingAndTouchingIntervalsMerge() {
        WatchedIntervals watched = WatchedIntervals.none().with(10, 20).with(15, 30).with(30, 35).with(50, 60);

        assertThat(watched.intervals()).containsExactly(new Interval(10, 35), new Interval(50, 60));
    }

    @Test
    void anIntervalSpanningSeveralSwallowsThem() {
        WatchedIntervals watched = WatchedIntervals.none().with(50, 60).with(0, 5).with(20, 30).with(4, 55);

        assertThat(watched.intervals()).containsExactly(new Interval(0, 60));
    }

    @Test
    void intervalsStaySortedWhateverTheOrderTheyCameIn() {
        WatchedIntervals watched = WatchedIntervals.none().with(70, 80).with(10, 20).with(40, 50);

        assertThat(watched.intervals()).containsExactly(new Interval(10, 20), new Interval(40, 50), new Interval(70, 80));
        assertThat(WatchedIntervals.of(List.of(new Interval(40, 50), new Interval(10, 20), new Interval(70, 80))))
                .isEqualTo(watched);
    }

    @Test
    void emptyBackwardAndNonsenseIntervalsAddNothing() {
        WatchedIntervals watched = WatchedIntervals.none().with(5, 5).with(9, 3).with(Double.NaN, 4).with(-3, 2)
                .with(1, Double.POSITIVE_INFINITY);

        assertThat(watched.intervals()).isEmpty();
        assertThatThrownBy(() -> new Interval(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void watchingAPartTwiceCountsItOnce() {
        WatchedIntervals watched = WatchedIntervals.none().with(0, 30).with(0, 30).with(10, 20);

        assertThat(watched.watchedSeconds(100)).isEqualTo(30);
        assertThat(watched.share(100)).isEqualTo(0.3);
    }

    @Test
    void onlyTheVideosOwnLengthCounts() {
        WatchedIntervals watched = WatchedIntervals.none().with(90, 130);

        assertThat(watched.watchedSeconds(100)).isEqualTo(10);
        assertThat(watched.share(100)).isEqualTo(0.1);
    }

    @Test
    void aLessonCompletesAtNinetyPercentWatched() {
        assertThat(WatchedIntervals.none().with(0, 89.9).completes(100)).isFalse();
        assertThat(WatchedIntervals.none().with(0, 90).completes(100)).isTrue();
        assertThat(WatchedIntervals.none().with(0, 45).with(50, 95).completes(100)).isTrue();
    }

    @Test
    void theEndAloneDoesNotComplete() {
        assertThat(WatchedIntervals.none().with(95, 100).completes(100)).isFalse();
    }

    @Test
    void aVideoOfUnknownLengthIsNeverComplete() {
        WatchedIntervals watched = WatchedIntervals.none().with(0, 100);

        assertThat(watched.share(0)).isZero();
        assertThat(watched.share(Double.NaN)).isZero();
        assertThat(watched.completes(0)).isFalse();
    }
}
