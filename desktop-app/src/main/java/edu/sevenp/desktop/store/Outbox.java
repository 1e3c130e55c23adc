package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_STATE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.schema.tables.records.OutboxRecord;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.model.sync.SyncEntity;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The upload queue (ARCHITECTURE.md, principles 2-4). A repository that changes something the server
 * must learn about calls {@link #append} inside the same transaction as the change: either both are
 * written or neither. The entry's sequence number is this device's number for the change; the server
 * applies (device, sequence) exactly once.
 *
 * <p>An entry stays {@linkplain OutboxState#PENDING pending} until the server has answered for it: then
 * it is removed ({@link #markAnswered}), or kept as {@linkplain OutboxState#REJECTED rejected} with the
 * server's reason ({@link #markRejected}) to show the learner. While a row has a pending change, a pull
 * must not overwrite it ({@link #hasPending}, principle 6).
 */
public final class Outbox {

    /**
     * A queued change as the sync engine sees it.
     *
     * @param payload the change as JSON, as it is pushed (the push's {@code payload})
     * @param rejection why the server refused the change; present when the state is rejected
     */
    public record Entry(long seq, DeviceId deviceId, SyncEntity entity, UUID entityId, ChangeOperation operation,
            String payload, OutboxState state, int attempts, Optional<Rejection> rejection) {

        public Entry {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * Why the server refused a change for good (the push answer's {@code reason}, docs/sync-protocol.md
     * section 7). Kept in the entry's rejection_reason column as {@code "<code>: <message>"}.
     *
     * @param code the protocol's code, such as {@code not_entitled}
     * @param message the server's words for the learner
     */
    public record Rejection(String code, String message) {

        private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
        private static final String SEPARATOR = ": ";

        public Rejection {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a rejection's code is a word such as not_entitled, was " + code);
            }
            Objects.requireNonNull(message, "message");
        }

        String stored() {
            return code + SEPARATOR + message;
        }

        /** A reason as stored; one not written by {@link #stored()} is read as a whole message of code "unknown". */
        static Rejection parse(String stored) {
            int separator = stored.indexOf(SEPARATOR);
            if (separator > 0 && CODE.matcher(stored.substring(0, separator)).matches()) {
                return new Rejection(stored.substring(0, separator), stored.substring(separator + SEPARATOR.length()));
            }
            return new Rejection("unknown", stored);
        }
    }

    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    private final DSLContext dsl;
    private final DeviceId device;
    private final Clock clock;

    Outbox(DSLContext dsl, DeviceId device, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues a change inside the caller's transaction {@code tx}; returns its sequence number.
     *
     * @param payload the change itself, written as JSON with the project's mapper
     */
    long append(DSLContext tx, SyncEntity entity, UUID entityId, ChangeOperation operation, Object payload, UUID course) {
        // A change of a course no server sends this device waits, never sent: see OutboxState.HELD. An enrollment
        // always goes: enrolling by push is how a course the server has starts to reach this device.
        boolean waits = course != null && entity != SyncEntity.ENROLLMENTS && !receives(tx, course);
        OutboxState state = waits ? OutboxState.HELD : OutboxState.PENDING;
        return tx.insertInto(OUTBOX)
                .set(OUTBOX.DEVICE_ID, device.value())
                .set(OUTBOX.ENTITY, entity.code())
                .set(OUTBOX.ENTITY_ID, entityId)
                .set(OUTBOX.OPERATION, operation.code())
                .set(OUTBOX.PAYLOAD, JSON.json(json(payload)))
                .set(OUTBOX.CREATED_AT, Rows.now(clock))
                .set(OUTBOX.COURSE_ID, course)
                .set(OUTBOX.STATE, state.code())
                .returningResult(OUTBOX.SEQ)
                .fetchOne(OUTBOX.SEQ);
    }

    /** Queues a learner's change inside the caller's transaction {@code tx}; returns its sequence number. */
    long append(DSLContext tx, LearnerChange change) {
        return append(tx, change.entity(), change.entityId(), change.operation(), change, courseOf(tx, change));
    }

    /** Whether a server sends this device the course (its stream is held): its changes can go. */
    static boolean receives(DSLContext tx, UUID course) {
        return tx.fetchExists(SYNC_STATE, SYNC_STATE.STREAM.eq(Streams.course(course)));
    }

    /**
     * The course a change belongs to. A tombstone names none: it belongs to the course of its row's earlier
     * changes here, or to none when the row came from the server (whose course this device receives).
     */
    private static UUID courseOf(DSLContext tx, LearnerChange change) {
        if (change instanceof NoteChange note) {
            return note.courseId().value();
        } else if (change instanceof BookmarkChange bookmark) {
            return bookmark.courseId().value();
        } else if (change instanceof LessonProgressChange progress) {
            return progress.courseId().value();
        } else if (change instanceof EnrollmentChange enrollment) {
            return enrollment.courseId().value();
        } else if (change instanceof CompletionReview review) {
            return review.courseId().value();
        } else if (change instanceof QuizAttemptSubmission attempt) {
            return tx.select(COURSE_QUIZZES.COURSE_ID).from(COURSE_QUIZZES)
                    .where(COURSE_QUIZZES.ID.eq(attempt.quizId().value())).fetchOne(COURSE_QUIZZES.COURSE_ID);
        }
        return tx.select(OUTBOX.COURSE_ID).from(OUTBOX)
                .where(OUTBOX.ENTITY_ID.eq(change.entityId()), OUTBOX.COURSE_ID.isNotNull())
                .orderBy(OUTBOX.SEQ.desc()).limit(1).fetchOne(OUTBOX.COURSE_ID);
    }

    /**
     * The course's stream arrived: its held changes are queued again, in their order, under new sequence
     * numbers (the server ignores numbers at or below the last one it applied, and these were never sent).
     * In the caller's transaction; answers how many.
     */
    static int release(DSLContext tx, UUID course) {
        List<OutboxRecord> held = tx.selectFrom(OUTBOX)
                .where(OUTBOX.STATE.eq(OutboxState.HELD.code()), OUTBOX.COURSE_ID.eq(course)).orderBy(OUTBOX.SEQ).fetch();
        for (OutboxRecord entry : held) {
            tx.insertInto(OUTBOX)
                    .set(OUTBOX.DEVICE_ID, entry.getDeviceId())
                    .set(OUTBOX.ENTITY, entry.getEntity())
                    .set(OUTBOX.ENTITY_ID, entry.getEntityId())
                    .set(OUTBOX.OPERATION, entry.getOperation())
                    .set(OUTBOX.PAYLOAD, entry.getPayload())
                    .set(OUTBOX.CREATED_AT, entry.getCreatedAt())
                    .set(OUTBOX.COURSE_ID, entry.getCourseId())
                    .set(OUTBOX.STATE, OutboxState.PENDING.code())
                    .execute();
            tx.deleteFrom(OUTBOX).where(OUTBOX.SEQ.eq(entry.getSeq())).execute();
        }
        return held.size();
    }

    /** Changes waiting for their course to be on a server. */
    public int heldCount() {
        return dsl.fetchCount(OUTBOX, OUTBOX.STATE.eq(OutboxState.HELD.code()));
    }

    /**
     * Pending changes in sequence order, oldest first: what the next push sends.
     *
     * @param limit the most entries to return, such as a push's batch of 500
     */
    public List<Entry> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        return dsl.selectFrom(OUTBOX).where(OUTBOX.STATE.eq(OutboxState.PENDING.code())).orderBy(OUTBOX.SEQ).limit(limit)
                .fetch(Outbox::entry);
    }

    public int pendingCount() {
        return dsl.fetchCount(OUTBOX, OUTBOX.STATE.eq(OutboxState.PENDING.code()));
    }

    /**
     * How many rows of each kind have a change in {@code state}: rows, not entries, so that five edits of one note
     * read as one note to the learner ("2 notes, progress in 3 lessons"). Kinds with none are absent.
     */
    public Map<SyncEntity, Integer> rowsByEntity(OutboxState state) {
        Objects.requireNonNull(state, "state");
        Map<SyncEntity, Integer> counts = new EnumMap<>(SyncEntity.class);
        dsl.select(OUTBOX.ENTITY, DSL.countDistinct(OUTBOX.ENTITY_ID)).from(OUTBOX)
                .where(OUTBOX.STATE.eq(state.code()))
                .groupBy(OUTBOX.ENTITY)
                .fetch()
                .forEach(row -> counts.put(SyncEntity.fromCode(row.value1()), row.value2()));
        return Collections.unmodifiableMap(counts);
    }

    /** Whether a change of this row is still waiting for the server's answer: a pull must not overwrite the row. */
    public boolean hasPending(SyncEntity entity, UUID entityId) {
        return dsl.fetchExists(OUTBOX, OUTBOX.STATE.eq(OutboxState.PENDING.code()), OUTBOX.ENTITY.eq(entity.code()),
                OUTBOX.ENTITY_ID.eq(entityId));
    }

    /** Of the rows {@code entityIds} of {@code entity}, those with a change still waiting: what a pulled page must skip. */
    public Set<UUID> withPendingChanges(SyncEntity entity, Collection<UUID> entityIds) {
        if (entityIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.selectDistinct(OUTBOX.ENTITY_ID).from(OUTBOX)
                .where(OUTBOX.STATE.eq(OutboxState.PENDING.code()), OUTBOX.ENTITY.eq(entity.code()),
                        OUTBOX.ENTITY_ID.in(entityIds))
                .fetch(OUTBOX.ENTITY_ID));
    }

    /**
     * The server answered {@code applied} or {@code duplicate} for the pending change {@code seq}: the entry
     * goes (docs/sync-protocol.md, section 15).
     *
     * @return whether a pending entry had this number
     */
    public boolean markAnswered(long seq) {
        return markAnswered(List.of(seq)) == 1;
    }

    /**
     * {@link #markAnswered(long)} for many (a push answer's) as one JDBC batch; answers how many were pending. Not
     * one {@code IN} list: H2 does not use the key for a list of parameters and compares every row with each.
     */
    public int markAnswered(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return 0;
        }
        BatchBindStep batch = dsl.batch(dsl.deleteFrom(OUTBOX)
                .where(OUTBOX.SEQ.eq((Long) null), OUTBOX.STATE.eq(OutboxState.PENDING.code())));
        for (Long seq : seqs) {
            batch = batch.bind(seq, OutboxState.PENDING.code());
        }
        return Arrays.stream(batch.execute()).sum();
    }

    /**
     * The server refused the pending change {@code seq} for good: it is kept, rejected with the server's
     * reason, to show the learner, and never pushed again.
     *
     * @return whether a pending entry had this number
     */
    public boolean markRejected(long seq, String code, String message) {
        Rejection rejection = new Rejection(code, message);
        return dsl.update(OUTBOX)
                .set(OUTBOX.STATE, OutboxState.REJECTED.code())
                .set(OUTBOX.REJECTION_REASON, rejection.stored())
                .where(OUTBOX.SEQ.eq(seq), OUTBOX.STATE.eq(OutboxState.PENDING.code()))
                .execute() == 1;
    }

    /**
     * The pending change {@code seq} goes back to waiting for its course (OutboxState.HELD): the server said it
     * does not have the course. Answers whether a pending entry had this number.
     */
    public boolean hold(long seq) {
        return dsl.update(OUTBOX).set(OUTBOX.STATE, OutboxState.HELD.code())
                .where(OUTBOX.SEQ.eq(seq), OUTBOX.STATE.eq(OutboxState.PENDING.code())).execute() == 1;
    }

    /** The changes the server refused, oldest first, with their reasons. */
    public List<Entry> rejected() {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.STATE.eq(OutboxState.REJECTED.code())).orderBy(OUTBOX.SEQ)
                .fetch(Outbox::entry);
    }

    /** Every change queued for one row, in order, whatever its state. */
    public List<Entry> forEntity(SyncEntity entity, UUID entityId) {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.ENTITY.eq(entity.code()), OUTBOX.ENTITY_ID.eq(entityId))
                .orderBy(OUTBOX.SEQ)
                .fetch(Outbox::entry);
    }

    /** An outbox row as an entry, its codes read into their types. */
    static Entry entry(OutboxRecord row) {
        return new Entry(row.getSeq(), new DeviceId(row.getDeviceId()), SyncEntity.fromCode(row.getEntity()),
                row.getEntityId(), ChangeOperation.fromCode(row.getOperation()), row.getPayload().data(),
                OutboxState.fromCode(row.getState()), row.getAttempts(),
                Optional.ofNullable(row.getRejectionReason()).map(Rejection::parse));
    }

    private static String json(Object payload) {
        try {
            return JSON_MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A change could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
