package edu.sevenp.server.maintenance;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the server does its housekeeping.
 *
 * @param statisticsRefresh how often course_statistics is recomputed (instructors' figures lag by at most this)
 * @param partitionCheck how often learning-event partitions are created ahead and old ones detached
 * @param monthsAhead how many months of partitions exist ahead of the current one
 * @param retainMonths how many months of learning events stay attached
 */
public record MaintenanceSchedule(Duration statisticsRefresh, Duration partitionCheck, int monthsAhead, int retainMonths) {

    public static final MaintenanceSchedule DEFAULT =
            new MaintenanceSchedule(Duration.ofMinutes(15), Duration.ofHours(6), 3, 13);

    public MaintenanceSchedule {
        Objects.requireNonNull(statisticsRefresh, "statisticsRefresh");
        Objects.requireNonNull(partitionCheck, "partitionCheck");
        if (statisticsRefresh.isNegative() || statisticsRefresh.isZero()) {
            throw new IllegalArgumentException("statisticsRefresh must be positive, was " + statisticsRefresh);
        }
        if (partitionCheck.isNegative() || partitionCheck.isZero()) {
            throw new IllegalArgumentException("partitionCheck must be positive, was " + partitionCheck);
        }
        if (monthsAhead < 1 || retainMonths < 1) {
            throw new IllegalArgumentException("monthsAhead and retainMonths must be at least 1");
        }
    }
}
