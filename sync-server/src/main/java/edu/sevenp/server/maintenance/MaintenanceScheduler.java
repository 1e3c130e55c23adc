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
 * is logged and retried at the next tick; it never stops the schedule.
 */
public final class MaintenanceScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final MaintenanceTasks tasks;
    private final MaintenanceSchedule schedule;
    private final ScheduledExecutorService executor;

    public MaintenanceScheduler(MaintenanceTasks tasks, MaintenanceSchedule schedule) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
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
