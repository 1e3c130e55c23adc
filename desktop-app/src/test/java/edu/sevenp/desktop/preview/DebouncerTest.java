package edu.sevenp.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final Duration QUIET = Duration.ofMillis(150);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong ranAt = new AtomicLong();
    private final CountDownLatch ran = new CountDownLatch(1);
    private final Debouncer debouncer = new Debouncer(timer, QUIET, () -> {
        ranAt.set(System.nanoTime());
        runs.incrementAndGet();
        ran.countDown();
    });

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aBurstOfChangesRunsTheActionOnceQuietAfterTheLast() throws Exception {
        long last = 0;
        for (int i = 0; i < 5; i++) {
            debouncer.trigger();
            last = System.nanoTime();
            // An editor's save: a few file events some tens of milliseconds apart.
            Thread.sleep(30);
        }

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(ranAt.get() - last)).isGreaterThanOrEqualTo(QUIET);
        assertNoMoreRunsAfter(1);
    }

    @Test
    void changesFurtherApartThanTheQuietTimeRunItEachTime() throws Exception {
        debouncer.trigger();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        debouncer.trigger();

        awaitRuns(2);
        assertNoMoreRunsAfter(2);
    }

    @Test
    void closingDropsARunNotStartedYet() throws Exception {
        debouncer.trigger();
        debouncer.close();
        debouncer.trigger();

        assertThat(ran.await(QUIET.toMillis() * 3, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aFailingActionIsLoggedAndLaterRunsStillHappen() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        Debouncer failing = new Debouncer(timer, QUIET, () -> {
            tries.incrementAndGet();
            second.countDown();
            throw new IllegalStateException("the package could not be read");
        });

        failing.trigger();
        awaitCount(tries, 1);
        failing.trigger();

        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(tries).hasValue(2);
    }

    private void awaitRuns(int expected) throws InterruptedException {
        awaitCount(runs, expected);
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(count).hasValue(expected);
    }

    /** Nothing further is scheduled: a quiet period and more go by without another run. */
    private void assertNoMoreRunsAfter(int expected) throws InterruptedException {
        Thread.sleep(QUIET.toMillis() * 2);
        assertThat(runs).hasValue(expected);
    }
}
