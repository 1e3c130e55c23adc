package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;

/** One pull's transaction, as the pull use case sees it. */
public interface PullSession {

    /** Courses whose content the user is entitled to now. */
    SortedSet<UUID> entitledCourses();

    /** One more than the newest transaction id purged from the feed (the tombstone horizon). */
    long purgedBelow();

    /** The oldest transaction id still running: where a full copy begins. */
    long snapshotXmin();

    /** The feed of several courses after each one's cursor, at most {@code limit} each, in feed order per course. */
    Map<UUID, List<FeedEntry>> courseFeed(Map<UUID, Cursor> cursors, int limit);

    /** The user's own feed after {@code cursor}. */
    List<FeedEntry> userFeed(Cursor cursor, int limit);

    /** Rows of {@code table} with these ids that the user may see. */
    List<SyncRow> rows(String table, Collection<UUID> ids);

    /** The course row of a course stream together with what it refers to: its category and instructor. */
    List<SyncRow> courseWithReferences(UUID course);

    /** The number of tables a full copy of a course stream (or the user stream) goes through. */
    int bootstrapTables(boolean courseStream);

    /** The table name of the {@code index}-th table of a full copy. */
    String bootstrapTable(boolean courseStream, int index);

    /** Up to {@code limit} rows of one table of a full copy, after {@code afterRow} in id order. */
    List<SyncRow> bootstrapPage(UUID course, int tableIndex, UUID afterRow, int limit);
}
