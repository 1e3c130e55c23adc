package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_PARKED;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_RESET_MARKS;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_STATE;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The store's side of sync (docs/sync-client.md): the cursors, which queued changes can be pushed, the
 * server's answer to a push, and a pulled answer applied with its cursors in one transaction. A row with a
 * change still queued here is never overwritten by the server's copy (principle 6): the push answer brings
 * the server's version of it.
 */
public final class SyncRepository {

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final ProfileIdentity identity;
    private final Clock clock;
    private final ObjectMapper json = JsonMapperFactory.create();

    SyncRepository(DSLContext dsl, WriteTransactions writes, ProfileIdentity identity, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every stream's cursor as the server gave it. */
    public Map<String, String> cursors() {
        Map<String, String> cursors = new LinkedHashMap<>();
        dsl.select(SYNC_STATE.STREAM, SYNC_STATE.CURSOR).from(SYNC_STATE).orderBy(SYNC_STATE.STREAM)
                .forEach(row -> cursors.put(row.value1(), row.value2()));
        return cursors;
    }

    /** The courses this device receives from the server: those with a stream. */
    public Set<UUID> syncedCourses() {
        Set<UUID> courses = new HashSet<>();
        for (String stream : dsl.select(SYNC_STATE.STREAM).from(SYNC_STATE).fetch(SYNC_STATE.STREAM)) {
            Streams.courseOf(stream).ifPresent(courses::add);
        }
        return courses;
    }

    /**
     * What a push can send now: every pending change, oldest first. Changes of a course this device does not
     * receive from the server wait held (OutboxState.HELD) until its stream arrives.
     */
    public PushPlan planPush() {
        List<Outbox.Entry> pending = dsl.selectFrom(OUTBOX).where(OUTBOX.STATE.eq(OutboxState.PENDING.code()))
                .orderBy(OUTBOX.SEQ).fetch(Outbox::entry);
        return new PushPlan(pending, dsl.fetchCount(OUTBOX, OUTBOX.STATE.eq(OutboxState.HELD.code())));
    }

    /**
     * The changes a push may send, and how many wait for their course to be on the server.
     *
     * @param pushable pending changes in sequence order
     */
    public record PushPlan(List<Outbox.Entry> pushable, int held) {

        public PushPlan {
            pushable = List.copyOf(pushable);
        }
    }

    /** What recording a push answer did. */
    public record PushRecorded(int answered, int rejected, int rowsReplaced, int rowsKeptForLaterChanges) {
    }

    /**
     * The server answered a push: answered changes leave the outbox, refused ones stay with their reasons,
     * and the server's version of each row replaces the device's, unless another change of the row is queued.
     */
    public PushRecorded recordPushAnswer(List<Outbox.Entry> sent, PushResponse answer) {
        Map<Long, Outbox.Entry> bySeq = new HashMap<>();
        sent.forEach(entry -> bySeq.put(entry.seq(), entry));
        return writes.run("serverAnswer", tx -> {
            Outbox outbox = new Outbox(tx, identity.deviceId(), clock);
            List<Long> answered = new ArrayList<>();
            int rejected = 0;
            List<SyncRow> rows = new ArrayList<>();
            for (ChangeResult result : answer.results()) {
                Outbox.Entry entry = bySeq.get(result.seq());
                if (entry == null) {
                    continue;
                }
                if (result.reason() != null && (result.status() == ChangeStatus.REJECTED
                        || result.status() == ChangeStatus.DUPLICATE)) {
                    if (courseNotOnServer(entry, result)) {
                        // A course of this device's own (the bundled sample, an imported package): kept back, as its
                        // other changes are, until the course's stream arrives; not a refusal to show the learner.
                        outbox.hold(result.seq());
                    } else {
                        outbox.markRejected(result.seq(), result.reason().code(), result.reason().message());
                        rejected++;
                    }
                } else {
                    answered.add(result.seq());
                }
                if (entry.operation() == ChangeOperation.DELETE && result.status() != ChangeStatus.REJECTED
                        && result.rows().isEmpty()) {
                    // Deleted by a later change of this batch: the row an earlier change wrote must not come back.
                    rows.removeIf(row -> row.table().equals(entry.entity().code()) && row.id().equals(entry.entityId()));
                }
                rows.addAll(result.rows());
            }
            outbox.markAnswered(answered);
            Applier applier = new Applier(tx);
            applier.upsert(null, rows);
            return new PushRecorded(answered.size(), rejected, applier.written, applier.skippedPending);
        });
    }

    private static boolean courseNotOnServer(Outbox.Entry entry, ChangeResult result) {
        return entry.entity() == SyncEntity.ENROLLMENTS && "not_found".equals(result.reason().code());
    }

    /**
     * What applying one pulled answer did.
     *
     * @param passedOver changes of courses whose download the learner removed from this computer, not stored
     */
    public record PullApplied(int written, int deleted, int skippedPending, int parked, int unparked, int swept,
            List<UUID> revokedCourses, int passedOver) {
    }

    /**
     * Applies a pull answer and stores its cursors in one transaction (docs/sync-protocol.md, section 6):
     * upserts and tombstones in order, the marks and the sweep of a stream copied again, and the courses
     * whose access ended. The changes of a course whose download the learner removed are passed over: only its
     * cursor moves (CourseDownloadRepository).
     */
    public PullApplied applyPull(PullResponse answer) {
        return writes.run("pulled", tx -> {
            Applier applier = new Applier(tx);
            Set<UUID> removed = CourseDownloadRepository.removed(tx);
            Set<UUID> coursesWithContent = new LinkedHashSet<>();
            boolean anyContent = false;
            int passedOver = 0;
            for (StreamPage page : answer.streams()) {
                Optional<UUID> course = Streams.courseOf(page.stream());
                if (course.isPresent() && removed.contains(course.get())) {
                    passedOver += page.changes().size();
                } else {
                    applier.page(page);
                }
                if (course.isPresent() && !page.changes().isEmpty() && !removed.contains(course.get())) {
                    coursesWithContent.add(course.get());
                    anyContent = true;
                    // The server sends a course's stream only while the learner may use it: access is back.
                    tx.update(COURSES).set(COURSES.ACCESS_ENDED_AT, (java.time.OffsetDateTime) null)
                            .where(COURSES.ID.eq(course.get()), COURSES.ACCESS_ENDED_AT.isNotNull()).execute();
                }
                course.ifPresent(id -> Outbox.release(tx, id));
                tx.mergeInto(SYNC_STATE).using(DSL.selectOne())
                        .on(SYNC_STATE.STREAM.eq(page.stream()))
                        .whenMatchedThenUpdate().set(SYNC_STATE.CURSOR, page.cursor()).set(SYNC_STATE.UPDATED_AT, Rows.now(clock))
                        .whenNotMatchedThenInsert(SYNC_STATE.STREAM, SYNC_STATE.CURSOR, SYNC_STATE.UPDATED_AT)
                        .values(page.stream(), page.cursor(), Rows.now(clock))
                        .execute();
            }
            applier.retryParked(coursesWithContent, anyContent);
            // Lessons and quizzes came, changed or went: the search index takes the course in again.
            coursesWithContent.forEach(course -> SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, course));
            List<UUID> revoked = new ArrayList<>();
            for (String stream : answer.revoked()) {
                Streams.courseOf(stream).ifPresent(course -> {
                    endAccess(tx, course);
                    revoked.add(course);
                });
                tx.deleteFrom(SYNC_STATE).where(SYNC_STATE.STREAM.eq(stream)).execute();
                tx.deleteFrom(SYNC_RESET_MARKS).where(SYNC_RESET_MARKS.STREAM.eq(stream)).execute();
            }
            return new PullApplied(applier.written, applier.deleted, applier.skippedPending, applier.parked,
                    applier.unparked, applier.swept, revoked, passedOver);
        });
    }

    /** Notes that lost a concurrent edit on another device and were kept as copies. */
    public int conflictCopies() {
        return dsl.fetchCount(USER_NOTES, USER_NOTES.CONFLICT_OF.isNotNull());
    }

    /** Pulled rows waiting for what they refer to. */
    public int parkedRows() {
        return dsl.fetchCount(SYNC_PARKED);
    }

    /**
     * The learner lost access: the course's content goes (quiz questions, resources, media, lesson bodies),
     * its outline stays, so the learner's notes, bookmarks, progress and attempts keep their places.
     */
    private void endAccess(DSLContext tx, UUID course) {
        CourseContent.remove(tx, course);
        tx.update(COURSES).set(COURSES.ACCESS_ENDED_AT, Rows.now(clock)).where(COURSES.ID.eq(course)).execute();
        tx.deleteFrom(SYNC_PARKED).where(SYNC_PARKED.STREAM.eq(Streams.course(course))).execute();
    }

    /**
     * The rows of a course's stream get a mark, as for a stream the server copies again (section 6, {@code reset}):
     * each row the coming copy sends loses its mark, and what is still marked when the copy is complete was deleted
     * on the server meanwhile. In the caller's transaction.
     */
    static void markCourseStream(DSLContext tx, UUID course) {
        String stream = Streams.course(course);
        tx.deleteFrom(SYNC_RESET_MARKS).where(SYNC_RESET_MARKS.STREAM.eq(stream)).execute();
        for (StreamTable streamTable : COURSE_STREAM_TABLES) {
            Table<?> table = ReplicaRows.table(streamTable.table()).orElseThrow();
            tx.insertInto(SYNC_RESET_MARKS, SYNC_RESET_MARKS.STREAM, SYNC_RESET_MARKS.ENTITY, SYNC_RESET_MARKS.ID)
                    .select(DSL.select(DSL.val(stream), DSL.val(streamTable.table()), ReplicaRows.idOf(table))
                            .from(table).where(streamTable.ofCourse(table, course)))
                    .execute();
        }
    }

    /** Applies server rows within one transaction, counting what it did. */
    private final class Applier {

        private final DSLContext tx;
        private final ReplicaRows replica;
        private final NaturalKeys naturalKeys;
        private final Map<String, Set<UUID>> pending;
        int written;
        int deleted;
        int skippedPending;
        int parked;
        int unparked;
        int swept;

        Applier(DSLContext tx) {
            this.tx = tx;
            this.replica = new ReplicaRows(tx);
            this.naturalKeys = new NaturalKeys(tx);
            this.pending = pendingRows(tx);
        }

        void page(StreamPage page) {
            if (page.reset()) {
                mark(page.stream());
            }
            boolean marked = tx.fetchExists(SYNC_RESET_MARKS, SYNC_RESET_MARKS.STREAM.eq(page.stream()));
            List<PulledChange> run = new ArrayList<>();
            for (PulledChange change : page.changes()) {
                if (!run.isEmpty() && !sameRun(run.get(0), change)) {
                    applyRun(page.stream(), run, marked);
                    run.clear();
                }
                run.add(change);
            }
            if (!run.isEmpty()) {
                applyRun(page.stream(), run, marked);
            }
            if (marked && page.bootstrap() && page.complete()) {
                sweep(page.stream());
            }
        }

        private boolean sameRun(PulledChange first, PulledChange next) {
            if (first instanceof PulledChange.Upsert a && next instanceof PulledChange.Upsert b) {
                return a.row().table().equals(b.row().table());
            }
            if (first instanceof PulledChange.Delete a && next instanceof PulledChange.Delete b) {
                return a.entity().equals(b.entity());
            }
            return false;
        }

        private void applyRun(String stream, List<PulledChange> run, boolean marked) {
            if (run.get(0) instanceof PulledChange.Upsert) {
                List<SyncRow> rows = run.stream().map(change -> ((PulledChange.Upsert) change).row()).toList();
                if (marked) {
                    unmark(stream, rows.get(0).table(), rows.stream().map(SyncRow::id).toList());
                }
                upsert(stream, rows);
            } else {
                String entity = ((PulledChange.Delete) run.get(0)).entity();
                List<UUID> ids = run.stream().map(change -> ((PulledChange.Delete) change).id())
                        .filter(id -> !isPending(entity, id)).toList();
                skippedPending += run.size() - ids.size();
                tx.deleteFrom(SYNC_PARKED).where(SYNC_PARKED.ENTITY.eq(entity), SYNC_PARKED.ID.in(ids)).execute();
                Optional<Table<?>> table = ReplicaRows.table(entity);
                if (table.isPresent() && SYNCED_TABLES.contains(entity)) {
                    deleted += replica.delete(table.get(), ids);
                }
            }
        }

        /** Server rows in order; rows of one table in a row are written together. */
        void upsert(String stream, List<SyncRow> rows) {
            int from = 0;
            while (from < rows.size()) {
                String table = rows.get(from).table();
                int to = from;
                while (to < rows.size() && rows.get(to).table().equals(table)) {
                    to++;
                }
                upsertTable(stream, table, rows.subList(from, to).stream().map(WireRow::of).toList());
                from = to;
            }
        }

        private void upsertTable(String stream, String tableName, List<WireRow> rows) {
            Optional<Table<?>> table = ReplicaRows.table(tableName);
            if (table.isEmpty() || !SYNCED_TABLES.contains(tableName)) {
                return; // a table the device does not keep (user_preferences)
            }
            List<WireRow> toWrite = new ArrayList<>();
            for (WireRow row : rows) {
                UUID id = row.id();
                if (isPending(tableName, id) || !naturalKeys.makeRoom(tableName, row, pending.getOrDefault(tableName, Set.of()))) {
                    skippedPending++;
                    tx.deleteFrom(SYNC_PARKED).where(SYNC_PARKED.ENTITY.eq(tableName), SYNC_PARKED.ID.eq(id)).execute();
                    continue;
                }
                toWrite.add(row);
            }
            ReplicaRows.Outcome outcome = replica.write(table.get(), toWrite);
            written += outcome.written();
            Set<UUID> refusedIds = new HashSet<>();
            for (ReplicaRows.Refused refused : outcome.refused()) {
                park(stream, tableName, refused);
                refusedIds.add(refused.row().id());
            }
            List<UUID> stored = toWrite.stream().map(WireRow::id).filter(id -> !refusedIds.contains(id)).toList();
            if (!stored.isEmpty()) {
                tx.deleteFrom(SYNC_PARKED).where(SYNC_PARKED.ENTITY.eq(tableName), SYNC_PARKED.ID.in(stored)).execute();
            }
        }

        private void park(String stream, String table, ReplicaRows.Refused refused) {
            WireRow row = refused.row();
            UUID id = row.id();
            UUID course = row.uuid("courseId");
            UUID courseId = course != null ? course : stream == null ? null : Streams.courseOf(stream).orElse(null);
            String rowJson = row.json(json).toString();
            String streamName = stream != null ? stream : courseId != null && !USER_TABLES.contains(table)
                    ? Streams.course(courseId) : Streams.USER;
            tx.mergeInto(SYNC_PARKED).using(DSL.selectOne())
                    .on(SYNC_PARKED.ENTITY.eq(table), SYNC_PARKED.ID.eq(id))
                    .whenMatchedThenUpdate().set(SYNC_PARKED.ROW_JSON, JSON.json(rowJson))
                    .set(SYNC_PARKED.REASON, refused.reason()).set(SYNC_PARKED.STREAM, streamName)
                    .set(SYNC_PARKED.COURSE_ID, courseId)
                    .whenNotMatchedThenInsert(SYNC_PARKED.ENTITY, SYNC_PARKED.ID, SYNC_PARKED.STREAM, SYNC_PARKED.COURSE_ID,
                            SYNC_PARKED.ROW_JSON, SYNC_PARKED.REASON, SYNC_PARKED.PARKED_AT)
                    .values(table, id, streamName, courseId, JSON.json(rowJson), refused.reason(), Rows.now(clock))
                    .execute();
            parked++;
        }

        /**
         * Parked rows whose referent may have arrived: those of courses that got content, and those of no
         * course (a category waiting for its parent). Tried until a round stores nothing more.
         */
        void retryParked(Set<UUID> courses, boolean anyContent) {
            if (!anyContent) {
                return;
            }
            for (int round = 0; round < 5; round++) {
                var waiting = tx.selectFrom(SYNC_PARKED)
                        .where(SYNC_PARKED.COURSE_ID.in(courses).or(SYNC_PARKED.COURSE_ID.isNull()))
                        .orderBy(SYNC_PARKED.PARKED_AT).fetch();
                int stored = 0;
                for (var row : waiting) {
                    ObjectNode node;
                    try {
                        node = (ObjectNode) json.readTree(row.getRowJson().data());
                    } catch (IOException e) {
                        throw new UncheckedIOException("a parked row of " + row.getEntity() + " holds no JSON", e);
                    }
                    int writtenBefore = written;
                    int parkedBefore = parked;
                    upsertTable(row.getStream(), row.getEntity(), List.of(WireRow.of(row.getEntity(), node)));
                    parked = parkedBefore;
                    if (written > writtenBefore) {
                        written = writtenBefore;
                        stored++;
                        unparked++;
                    }
                }
                if (stored == 0) {
                    return;
                }
            }
        }

        private boolean isPending(String table, UUID id) {
            return pending.getOrDefault(table, Set.of()).contains(id);
        }

        /** The stream's rows get a mark; each row the copy sends again loses it (section 6, {@code reset}). */
        private void mark(String stream) {
            Optional<UUID> course = Streams.courseOf(stream);
            if (course.isPresent()) {
                markCourseStream(tx, course.get());
                return;
            }
            tx.deleteFrom(SYNC_RESET_MARKS).where(SYNC_RESET_MARKS.STREAM.eq(stream)).execute();
            for (StreamTable streamTable : USER_STREAM_TABLES) {
                Table<?> table = ReplicaRows.table(streamTable.table()).orElseThrow();
                tx.insertInto(SYNC_RESET_MARKS, SYNC_RESET_MARKS.STREAM, SYNC_RESET_MARKS.ENTITY, SYNC_RESET_MARKS.ID)
                        .select(DSL.select(DSL.val(stream), DSL.val(streamTable.table()), ReplicaRows.idOf(table))
                                .from(table).where(table.field("user_id", UUID.class).eq(identity.userId().value())))
                        .execute();
            }
        }

        private void unmark(String stream, String table, List<UUID> ids) {
            tx.deleteFrom(SYNC_RESET_MARKS).where(SYNC_RESET_MARKS.STREAM.eq(stream), SYNC_RESET_MARKS.ENTITY.eq(table),
                    SYNC_RESET_MARKS.ID.in(ids)).execute();
        }

        /** The copy is complete: what is still marked was deleted on the server, unless a change of it is queued. */
        private void sweep(String stream) {
            Map<String, List<UUID>> marked = new LinkedHashMap<>();
            tx.select(SYNC_RESET_MARKS.ENTITY, SYNC_RESET_MARKS.ID).from(SYNC_RESET_MARKS)
                    .where(SYNC_RESET_MARKS.STREAM.eq(stream))
                    .forEach(row -> marked.computeIfAbsent(row.value1(), entity -> new ArrayList<>()).add(row.value2()));
            // Children before parents, so that nothing is removed by a cascade the sweep did not decide.
            List<String> order = new ArrayList<>(marked.keySet());
            order.sort((a, b) -> Integer.compare(SWEEP_ORDER.indexOf(a), SWEEP_ORDER.indexOf(b)));
            for (String entity : order) {
                List<UUID> gone = marked.get(entity).stream().filter(id -> !isPending(entity, id)).toList();
                swept += replica.delete(ReplicaRows.table(entity).orElseThrow(), gone);
            }
            tx.deleteFrom(SYNC_RESET_MARKS).where(SYNC_RESET_MARKS.STREAM.eq(stream)).execute();
        }
    }

    /** Rows with a change still queued, by table: what a pull must not overwrite. */
    private static Map<String, Set<UUID>> pendingRows(DSLContext tx) {
        Map<String, Set<UUID>> pending = new HashMap<>();
        tx.select(OUTBOX.ENTITY, OUTBOX.ENTITY_ID, OUTBOX.OPERATION).from(OUTBOX)
                .where(OUTBOX.STATE.eq(OutboxState.PENDING.code()))
                .forEach(row -> pending.computeIfAbsent(row.value1(), entity -> new HashSet<>()).add(row.value2()));
        return pending;
    }

    /** A table of a stream, and how to find a course's rows in it. */
    private record StreamTable(String table, String courseColumn) {

        org.jooq.Condition ofCourse(Table<?> of, UUID course) {
            if (table.equals("quiz_questions")) {
                return QUIZ_QUESTIONS.QUIZ_ID.in(DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES)
                        .where(COURSE_QUIZZES.COURSE_ID.eq(course)));
            }
            return of.field(courseColumn, UUID.class).eq(course);
        }
    }

    private static final List<StreamTable> COURSE_STREAM_TABLES = List.of(new StreamTable("courses", "id"),
            new StreamTable("course_sections", "course_id"), new StreamTable("course_lessons", "course_id"),
            new StreamTable("media_files", "course_id"), new StreamTable("course_resources", "course_id"),
            new StreamTable("course_quizzes", "course_id"), new StreamTable("quiz_questions", "quiz_id"));

    private static final Set<String> USER_TABLES = Set.of("enrollments", "lesson_progress", "quiz_attempts",
            "course_completions", "user_achievements", "user_notes", "user_bookmarks");

    private static final List<StreamTable> USER_STREAM_TABLES = USER_TABLES.stream().sorted()
            .map(table -> new StreamTable(table, "user_id")).toList();

    /** The tables a pull may write: the mirrored ones the protocol sends. */
    private static final Set<String> SYNCED_TABLES = Set.of("users", "course_categories", "courses", "course_sections",
            "course_lessons", "media_files", "course_resources", "course_quizzes", "quiz_questions", "enrollments",
            "lesson_progress", "quiz_attempts", "course_completions", "user_achievements", "user_notes", "user_bookmarks");

    /** Deleting in this order never removes by cascade a row that was sent again. */
    private static final List<String> SWEEP_ORDER = List.of("user_notes", "user_bookmarks", "quiz_attempts",
            "lesson_progress", "course_completions", "user_achievements", "enrollments", "quiz_questions",
            "course_resources", "course_quizzes", "media_files", "course_lessons", "course_sections", "courses");
}
