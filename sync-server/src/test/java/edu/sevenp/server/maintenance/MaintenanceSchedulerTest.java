package edu.sevenp.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MaintenanceSchedulerTest {

    @Test
    void checksPartitionsAtStartThenKeepsGoingAfterAFailure() throws Exception {
        FlakyTasks tasks = new FlakyTasks();
        MaintenanceSchedule schedule = new MaintenanceSchedule(Duration.ofHours(1), Duration.ofSeconds(1), 3, 13);

        try (MaintenanceScheduler scheduler = new MaintenanceScheduler(tasks, schedule)) {
            scheduler.start();

            assertThat(tasks.secondPartitionCheck.await(10, TimeUnit.SECONDS)).as("a second check after a failed one").isTrue();
        }
        assertThat(tasks.detachCalls.get()).as("the failed check never reached detach").isEqualTo(1);
    }

    @Test
    void onePartitionCheckCreatesAheadAndDetachesOld() {
        RecordingTasks tasks = new RecordingTasks();

        new MaintenanceScheduler(tasks, new MaintenanceSchedule(Duration.ofMinutes(15), Duration.ofHours(6), 2, 6))
                .maintainPartitions();

        assertThat(tasks.calls).isEqualTo(List.of("create 2", "detach 6"));
    }

    @Test
    void aPurgeKeepsTheConfiguredHorizon() {
        RecordingTasks tasks = new RecordingTasks();

        new MaintenanceScheduler(tasks, MaintenanceSchedule.DEFAULT, Duration.ofDays(45)).purgeTombstones();

        assertThat(tasks.calls).isEqualTo(List.of("purge 45"));
    }

    /** The first partition check fails; the second succeeds. */
    private static final class FlakyTasks implements MaintenanceTasks {
        final AtomicInteger createCalls = new AtomicInteger();
        final AtomicInteger detachCalls = new AtomicInteger();
        final CountDownLatch secondPartitionCheck = new CountDownLatch(1);

        @Override
        public void refreshCourseStatistics() {
        }

        @Override
        public List<String> createEventPartitions(int monthsAhead) {
            if (createCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("database restarting");
            }
            return List.of();
        }

        @Override
        public long purgeSyncChanges(java.time.Duration keep) {
            return 0;
        }

        @Override
        public List<String> detachOldEventPartitions(int retainMonths) {
            detachCalls.incrementAndGet();
            secondPartitionCheck.countDown();
            return List.of();
        }
    }

    private static final class RecordingTasks implements MaintenanceTasks {
        final java.util.List<String> calls = new java.util.ArrayList<>();

        @Override
        public void refreshCourseStatistics() {
            calls.add("refresh");
        }

        @Override
        public List<String> createEventPartitions(int monthsAhead) {
            calls.add("create " + monthsAhead);
            return List.of("learning_events_p2027_02");
        }

        @Override
        public long purgeSyncChanges(java.time.Duration keep) {
            calls.add("purge " + keep.toDays());
            return 0;
        }

        @Override
        public List<String> detachOldEventPartitions(int retainMonths) {
            calls.add("detach " + retainMonths);
            return List.of();
        }
    }
}
