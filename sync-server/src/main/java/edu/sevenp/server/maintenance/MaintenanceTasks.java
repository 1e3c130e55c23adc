package edu.sevenp.server.maintenance;

import java.util.List;

/** The database's housekeeping, as the scheduler sees it (implemented over SQL in server.db). */
public interface MaintenanceTasks {

    /** Recomputes the course_statistics materialized view without blocking its readers. */
    void refreshCourseStatistics();

    /** Creates the learning-event partitions up to {@code monthsAhead} months ahead; returns the new ones. */
    List<String> createEventPartitions(int monthsAhead);

    /** Detaches learning-event partitions older than {@code retainMonths} months; returns their names. */
    List<String> detachOldEventPartitions(int retainMonths);

    /**
     * Deletes change-feed rows (tombstones included) and recorded rejections older than {@code keep}, in batches,
     * and moves the tombstone horizon past them; returns how many feed rows it deleted.
     */
    long purgeSyncChanges(java.time.Duration keep);
}
