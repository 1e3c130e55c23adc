package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pull (docs/sync-protocol.md, section 6): the changes a user may see after each stream's cursor, a page at a
 * time, course streams first. Changes come from the feed in transaction order below the oldest running
 * transaction, so none committed late is ever skipped; a new stream, or one whose cursor fell behind the
 * tombstone horizon, starts with a full copy.
 */
public final class PullService {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1_000;
    public static final int MAX_STREAMS = 1_000;
    /** An answer stops taking changes once it passes about this many bytes. */
    public static final long BYTE_BUDGET = 1_048_576;

    private static final Set<String> USER_TABLES = Set.of("enrollments", "lesson_progress", "quiz_attempts",
            "course_completions", "user_achievements", "user_notes", "user_bookmarks", "user_preferences");
    private static final Set<String> COURSE_TABLES = Set.of("courses", "course_sections", "course_lessons", "media_files",
            "course_resources", "course_quizzes", "quiz_questions");

    private final SyncStore store;
    private final Clock clock;

    public PullService(SyncStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PullResponse pull(Caller caller, PullRequest request) {
        Inputs.required(request, "body");
        int limit = request.limit() == null ? DEFAULT_LIMIT : (int) Inputs.range(request.limit(), "limit", 1, MAX_LIMIT);
        Map<String, Cursor> cursors = parseCursors(request.streams());
        return store.pull(caller.user(), session -> {
            SortedSet<UUID> entitled = session.entitledCourses();
            long purgedBelow = session.purgedBelow();
            Budget budget = new Budget(limit, BYTE_BUDGET);
            List<StreamPage> pages = new ArrayList<>();
            boolean more = false;

            Map<UUID, Cursor> feedCursors = new LinkedHashMap<>();
            for (UUID course : entitled) {
                Cursor cursor = cursors.get(Streams.course(course));
                if (cursor != null && !cursor.bootstrap() && cursor.txid() >= purgedBelow) {
                    feedCursors.put(course, cursor);
                }
            }
            Map<UUID, List<FeedEntry>> courseFeeds = feedCursors.isEmpty() ? Map.of() : session.courseFeed(feedCursors, limit + 1);

            for (UUID course : entitled) {
                if (budget.exhausted()) {
                    more = true;
                    break;
                }
                String stream = Streams.course(course);
                StreamPage page = feedCursors.containsKey(course)
                        ? feedPage(session, stream, feedCursors.get(course), courseFeeds.getOrDefault(course, List.of()),
                                COURSE_TABLES, budget, limit + 1)
                        : bootstrapPage(session, stream, course, cursors.get(stream), purgedBelow, budget);
                more |= addIfAny(pages, page, cursors.get(stream));
            }
            if (budget.exhausted()) {
                more = true;
            } else {
                Cursor cursor = cursors.get(Streams.USER);
                StreamPage page = cursor != null && !cursor.bootstrap() && cursor.txid() >= purgedBelow
                        ? feedPage(session, Streams.USER, cursor, session.userFeed(cursor, limit + 1), USER_TABLES, budget,
                                limit + 1)
                        : bootstrapPage(session, Streams.USER, null, cursor, purgedBelow, budget);
                more |= addIfAny(pages, page, cursor);
            }
            List<String> revoked = cursors.keySet().stream()
                    .filter(stream -> Streams.courseOf(stream).filter(course -> !entitled.contains(course)).isPresent())
                    .sorted().toList();
            return new PullResponse(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), pages, revoked, more);
        });
    }

    /** Adds the page when it moves the stream on; returns whether the stream has more to send. */
    private static boolean addIfAny(List<StreamPage> pages, StreamPage page, Cursor before) {
        boolean moved = !page.changes().isEmpty() || page.reset() || before == null || !page.cursor().equals(before.toString());
        if (moved) {
            pages.add(page);
        }
        return !page.complete();
    }

    /**
     * The next changes of a stream from its feed. Only the latest change of a row within the page is sent (the row
     * as it is now, or its tombstone); the cursor moves to the last feed entry taken.
     */
    private static StreamPage feedPage(PullSession session, String stream, Cursor cursor, List<FeedEntry> entries,
            Set<String> tables, Budget budget, int fetched) {
        List<FeedEntry> candidates = entries.subList(0, Math.min(entries.size(), budget.changesLeft()));
        boolean complete = entries.size() < fetched && candidates.size() == entries.size();
        Map<String, Integer> lastOf = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            lastOf.put(key(candidates.get(i)), i);
        }
        Map<String, Map<UUID, SyncRow>> rows = readRows(session, candidates, lastOf, tables);
        List<PulledChange> changes = new ArrayList<>();
        Cursor next = cursor;
        for (int i = 0; i < candidates.size(); i++) {
            FeedEntry entry = candidates.get(i);
            next = Cursor.feed(entry.txid(), entry.id());
            if (lastOf.get(key(entry)) != i || !tables.contains(entry.entity())) {
                continue;
            }
            if (entry.isDelete()) {
                changes.add(new PulledChange.Delete(entry.entity(), entry.entityId()));
                budget.take(RowSize.ofDelete());
            } else if ("courses".equals(entry.entity())) {
                for (SyncRow row : session.courseWithReferences(entry.entityId())) {
                    changes.add(new PulledChange.Upsert(row));
                    budget.take(RowSize.of(row));
                }
            } else {
                SyncRow row = rows.getOrDefault(entry.entity(), Map.of()).get(entry.entityId());
                if (row != null) {
                    changes.add(new PulledChange.Upsert(row));
                    budget.take(RowSize.of(row));
                }
            }
            if (budget.overBytes() && i < candidates.size() - 1) {
                complete = false;
                break;
            }
        }
        return new StreamPage(stream, next.toString(), false, false, complete, changes);
    }

    private static Map<String, Map<UUID, SyncRow>> readRows(PullSession session, List<FeedEntry> candidates,
            Map<String, Integer> lastOf, Set<String> tables) {
        Map<String, List<UUID>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            FeedEntry entry = candidates.get(i);
            if (!entry.isDelete() && lastOf.get(key(entry)) == i && tables.contains(entry.entity())
                    && !"courses".equals(entry.entity())) {
                wanted.computeIfAbsent(entry.entity(), table -> new ArrayList<>()).add(entry.entityId());
            }
        }
        Map<String, Map<UUID, SyncRow>> rows = new HashMap<>();
        wanted.forEach((table, ids) -> rows.put(table, session.rows(table, ids).stream()
                .collect(Collectors.toMap(SyncRow::id, row -> row, (a, b) -> a))));
        return rows;
    }

    /** The next rows of a stream's full copy (a new stream, or one reset past the horizon). */
    private static StreamPage bootstrapPage(PullSession session, String stream, UUID course, Cursor cursor, long purgedBelow,
            Budget budget) {
        boolean courseStream = course != null;
        boolean reset = cursor != null && !cursor.bootstrap();
        Cursor at = cursor != null && cursor.bootstrap() && cursor.txid() >= purgedBelow ? cursor
                : Cursor.bootstrapAt(session.snapshotXmin());
        List<PulledChange> changes = new ArrayList<>();
        int tables = session.bootstrapTables(courseStream);
        int table = at.table();
        UUID afterRow = at.afterRow();
        while (table < tables) {
            if (budget.exhausted()) {
                return new StreamPage(stream, at.bootstrapAfter(table, afterRow).toString(), reset, true, false, changes);
            }
            int want = budget.changesLeft();
            List<SyncRow> rows = session.bootstrapPage(course, table, afterRow, want);
            for (SyncRow row : rows) {
                changes.add(new PulledChange.Upsert(row));
                budget.take(RowSize.of(row));
                afterRow = row.id();
                if (budget.exhausted()) {
                    break;
                }
            }
            if (rows.size() < want && !budget.exhausted()) {
                table++;
                afterRow = null;
            }
        }
        return new StreamPage(stream, at.feedAfterBootstrap().toString(), reset, true, true, changes);
    }

    private static String key(FeedEntry entry) {
        return entry.entity() + "/" + entry.entityId();
    }

    private static Map<String, Cursor> parseCursors(Map<String, String> streams) {
        if (streams.size() > MAX_STREAMS) {
            throw ApiProblem.validation("streams", "a pull names at most " + MAX_STREAMS + " streams, this one " + streams.size());
        }
        Map<String, Cursor> cursors = new LinkedHashMap<>();
        streams.forEach((stream, cursor) -> {
            if (!Streams.isValid(stream)) {
                throw ApiProblem.invalidField("streams", "'" + (stream.length() > 60 ? stream.substring(0, 60) + "…" : stream)
                        + "' is not a stream: streams are 'user' and 'course:<course id>'");
            }
            if (cursor != null) {
                if (cursor.length() > 100) {
                    throw ApiProblem.invalidField("streams." + stream, "a cursor is at most 100 characters");
                }
                cursors.put(stream, Cursor.parse(cursor, "streams." + stream));
            } else {
                cursors.put(stream, null);
            }
        });
        return cursors;
    }

    /** What is left of an answer's change count and bytes. */
    private static final class Budget {
        private int changes;
        private long bytes;

        Budget(int changes, long bytes) {
            this.changes = changes;
            this.bytes = bytes;
        }

        int changesLeft() {
            return Math.max(changes, 0);
        }

        void take(long size) {
            changes--;
            bytes -= size;
        }

        boolean overBytes() {
            return bytes <= 0;
        }

        boolean exhausted() {
            return changes <= 0 || bytes <= 0;
        }
    }
}
