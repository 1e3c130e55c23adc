package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleWithJitterUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(7));

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.afterFailure(null).toMillis());
        }

        long[] ceilings = {2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000, 300_000};
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(ceilings[i] / 2, ceilings[i]);
        }
        assertThat(backoff.failuresInARow()).isEqualTo(12);
    }

    @Test
    void twoDevicesDoNotWaitInStep() {
        Backoff one = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(1));
        Backoff other = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(2));

        List<Duration> first = List.of(one.afterFailure(null), one.afterFailure(null), one.afterFailure(null));
        List<Duration> second = List.of(other.afterFailure(null), other.afterFailure(null), other.afterFailure(null));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void successStartsOverAndTheServersWishIsHonoured() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(3));
        for (int i = 0; i < 6; i++) {
            backoff.afterFailure(null);
        }

        backoff.succeeded();

        assertThat(backoff.afterFailure(null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.afterFailure(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
