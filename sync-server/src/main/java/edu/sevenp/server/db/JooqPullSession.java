package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.SYNC_HORIZON;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.server.sync.Cursor;
import edu.sevenp.server.sync.FeedEntry;
import edu.sevenp.server.sync.PullSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** One pull's reads as the user, over the feed functions of V18 and the tables through row-level security. */
final class JooqPullSession implements PullSession {

    private final DSLContext tx;
    private final UserId user;
    private final RowReader rows;

    JooqPullSession(DSLContext tx, UserId user) {
        this.tx = tx;
        this.user = user;
        this.rows = new RowReader(tx);
    }

    @Override
    public SortedSet<UUID> entitledCourses() {
        UUID[] ids = tx.fetchSingle("select auth.accessible_course_ids()").get(0, UUID[].class);
        return new TreeSet<>(ids == null ? List.of() : List.of(ids));
    }

    @Override
    public long purgedBelow() {
        return Long.parseLong(tx.select(SYNC_HORIZON.PURGED_BELOW).from(SYNC_HORIZON).fetchSingle().value1().toString());
    }

    @Override
    public long snapshotXmin() {
        return Long.parseLong(tx.fetchSingle("select sync_snapshot_xmin()::text").get(0, String.class));
    }

    @Override
    public Map<UUID, List<FeedEntry>> courseFeed(Map<UUID, Cursor> cursors, int limit) {
        UUID[] courses = cursors.keySet().toArray(UUID[]::new);
        String[] txids = cursors.values().stream().map(cursor -> Long.toString(cursor.txid())).toArray(String[]::new);
        Long[] ids = cursors.values().stream().map(Cursor::id).toArray(Long[]::new);
        Map<UUID, List<FeedEntry>> feeds = new LinkedHashMap<>();
        for (Record row : tx.fetch("select course_id, txid::text, id, entity, entity_id, operation"
                + " from sync_course_feed(?::uuid[], ?::text[]::xid8[], ?::bigint[], ?)", courses, txids, ids, limit)) {
            feeds.computeIfAbsent(row.get(0, UUID.class), course -> new ArrayList<>()).add(entry(row, 1));
        }
        return feeds;
    }

    @Override
    public List<FeedEntry> userFeed(Cursor cursor, int limit) {
        return tx.fetch("select txid::text, id, entity, entity_id, operation from sync_user_feed(?::text::xid8, ?, ?)",
                Long.toString(cursor.txid()), cursor.id(), limit).map(row -> entry(row, 0));
    }

    private static FeedEntry entry(Record row, int first) {
        return new FeedEntry(Long.parseLong(row.get(first, String.class)), row.get(first + 1, Long.class),
                row.get(first + 2, String.class), row.get(first + 3, UUID.class), row.get(first + 4, String.class).charAt(0));
    }

    @Override
    public List<SyncRow> rows(String table, Collection<UUID> ids) {
        return rows.byIds(table, ids);
    }

    @Override
    public List<SyncRow> courseWithReferences(UUID course) {
        Record refs = tx.select(COURSES.CATEGORY_ID, COURSES.INSTRUCTOR_ID).from(COURSES).where(COURSES.ID.eq(course))
                .fetchOne();
        if (refs == null) {
            return List.of();
        }
        List<SyncRow> result = new ArrayList<>();
        if (refs.get(COURSES.CATEGORY_ID) != null) {
            // The category with its ancestors, root first: a device stores a category only after its parent.
            for (UUID category : categoryChain(refs.get(COURSES.CATEGORY_ID))) {
                result.addAll(rows.byIds("course_categories", List.of(category)));
            }
        }
        result.addAll(rows.byIds("users", List.of(refs.get(COURSES.INSTRUCTOR_ID))));
        result.addAll(rows.byIds("courses", List.of(course)));
        return result;
    }

    /** The category and its ancestors, root first; at most 20 levels, so a cycle cannot loop. */
    private List<UUID> categoryChain(UUID category) {
        return tx.fetch("with recursive chain (id, parent_id, depth) as ("
                + " select id, parent_id, 0 from course_categories where id = ?"
                + " union all select c.id, c.parent_id, chain.depth + 1 from course_categories c"
                + " join chain on c.id = chain.parent_id where chain.depth < 20)"
                + " select id from chain order by depth desc", category).getValues(0, UUID.class);
    }

    @Override
    public int bootstrapTables(boolean courseStream) {
        return (courseStream ? RowReader.COURSE_STREAM : RowReader.USER_STREAM).size();
    }

    @Override
    public String bootstrapTable(boolean courseStream, int index) {
        return (courseStream ? RowReader.COURSE_STREAM : RowReader.USER_STREAM).get(index).table();
    }

    @Override
    public List<SyncRow> bootstrapPage(UUID course, int tableIndex, UUID afterRow, int limit) {
        List<RowReader.Source> sources = course == null ? RowReader.USER_STREAM : RowReader.COURSE_STREAM;
        if (tableIndex >= sources.size()) {
            return List.of();
        }
        return rows.page(sources.get(tableIndex), course, user.value(), afterRow, limit);
    }
}
