package edu.sevenp.server.maintenance;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the database's housekeeping on a timer, in place of the seed's pg_cron jobs (seed-review 6):
 * a statistics refresh, and partition creation and retention. Partitions are checked once at start
 * so that a server started on the first of a month never lacks that month's partition. A failing run
 * is logged and retried at the next tick; it never stops the schedule. Every hour it also purges the change feed
 * past the tombstone horizon (docs/sync-protocol.md, section 6).
 */
public final class MaintenanceScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final MaintenanceTasks tasks;
    private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofHours(1);

    private final MaintenanceSchedule schedule;
    private final java.time.Duration tombstoneHorizon;
    private final ScheduledExecutorService executor;

    public MaintenanceScheduler(MaintenanceTasks tasks, MaintenanceSchedule schedule) {
        this(tasks, schedule, java.time.Duration.ofDays(30));
    }

    public MaintenanceScheduler(MaintenanceTasks tasks, MaintenanceSchedule schedule, java.time.Duration tombstoneHorizon) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.tombstoneHorizon = Objects.requireNonNull(tombstoneHorizon, "tombstoneHorizon");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-maintenance");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        executor.scheduleWithFixedDelay(() -> run("partition maintenance", this::maintainPartitions), 0,
                schedule.partitionCheck().toSeconds(), TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("statistics refresh", tasks::refreshCourseStatistics),
                schedule.statisticsRefresh().toSeconds(), schedule.statisticsRefresh().toSeconds(), TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> run("tombstone purge", this::purgeTombstones), PURGE_EVERY.toSeconds(),
                PURGE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One purge of the change feed past the horizon. */
    void purgeTombstones() {
        long purged = tasks.purgeSyncChanges(tombstoneHorizon);
        if (purged > 0) {
            LOG.info("Purged {} change-feed rows older than {} days", purged, tombstoneHorizon.toDays());
        }
    }

    /** One partition check: create ahead, then detach what fell out of the retention window. */
    void maintainPartitions() {
        List<String> created = tasks.createEventPartitions(schedule.monthsAhead());
        if (!created.isEmpty()) {
            LOG.info("Created learning-event partitions {}", created);
        }
        List<String> detached = tasks.detachOldEventPartitions(schedule.retainMonths());
        if (!detached.isEmpty()) {
            LOG.info("Detached learning-event partitions older than {} months: {}", schedule.retainMonths(), detached);
        }
    }

    private static void run(String name, Runnable job) {
        long start = System.nanoTime();
        try {
            job.run();
            LOG.debug("{} took {} ms", name, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Maintenance job '{}' failed; it runs again at its next tick", name, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
