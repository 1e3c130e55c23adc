package edu.sevenp.server.db;

import edu.sevenp.server.maintenance.MaintenanceTasks;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Housekeeping through the schema owner's connection: only the owner may refresh the materialized
 * view and create or detach partitions, and none of it is a user's request.
 */
final class DatabaseMaintenance implements MaintenanceTasks {

    /** Rows a purge deletes per transaction, so that a large backlog never holds one long transaction. */
    private static final int PURGE_BATCH = 10_000;

    private final DSLContext owner;

    DatabaseMaintenance(DataSource ownerDataSource) {
        this.owner = DSL.using(Objects.requireNonNull(ownerDataSource, "ownerDataSource"), SQLDialect.POSTGRES);
    }

    @Override
    public void refreshCourseStatistics() {
        owner.execute("select refresh_course_statistics()");
    }

    @Override
    public List<String> createEventPartitions(int monthsAhead) {
        return owner.fetch("select ensure_learning_event_partitions(date_trunc('month', now())::date, {0})",
                DSL.val(monthsAhead)).getValues(0, String.class);
    }

    @Override
    public long purgeSyncChanges(java.time.Duration keep) {
        long total = 0;
        while (true) {
            int purged = owner.fetchSingle("select purge_sync_changes(make_interval(secs => {0}), {1})",
                    DSL.val((double) keep.toSeconds()), DSL.val(PURGE_BATCH)).get(0, Integer.class);
            total += purged;
            if (purged < PURGE_BATCH) {
                return total;
            }
        }
    }

    @Override
    public List<String> detachOldEventPartitions(int retainMonths) {
        return owner.fetch("select detach_learning_event_partitions({0}, false)", DSL.val(retainMonths))
                .getValues(0, String.class);
    }
}
