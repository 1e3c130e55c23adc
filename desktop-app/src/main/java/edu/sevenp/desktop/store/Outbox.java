package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.LearnerChange;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * The upload queue (ARCHITECTURE.md, principles 2-4). A repository that changes something the server
 * must learn about calls {@link #append} inside the same transaction as the change: either both are
 * written or neither. The entry's sequence number is this device's number for the change; the server
 * applies (device, sequence) exactly once.
 */
public final class Outbox {

    /** What a queued change does to its entity. */
    public enum Operation {
        UPSERT("upsert"),
        DELETE("delete");

        private final String code;

        Operation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A queued change as the sync engine sees it. */
    public record Entry(long seq, UUID deviceId, String entity, UUID entityId, String operation, String payload,
            String state, int attempts, String rejectionReason) {
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
    long append(DSLContext tx, String entity, UUID entityId, Operation operation, Object payload) {
        return tx.insertInto(OUTBOX)
                .set(OUTBOX.DEVICE_ID, device.value())
                .set(OUTBOX.ENTITY, entity)
                .set(OUTBOX.ENTITY_ID, entityId)
                .set(OUTBOX.OPERATION, operation.code())
                .set(OUTBOX.PAYLOAD, JSON.json(json(payload)))
                .set(OUTBOX.CREATED_AT, Rows.now(clock))
                .returningResult(OUTBOX.SEQ)
                .fetchOne(OUTBOX.SEQ);
    }

    /** Queues a learner's change inside the caller's transaction {@code tx}; returns its sequence number. */
    long append(DSLContext tx, LearnerChange change) {
        Operation operation = change.operation() == ChangeOperation.DELETE ? Operation.DELETE : Operation.UPSERT;
        return append(tx, change.entity().code(), change.entityId(), operation, change);
    }

    /** Pending changes in sequence order, oldest first. */
    public List<Entry> pending(int limit) {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.STATE.eq("pending")).orderBy(OUTBOX.SEQ).limit(limit)
                .fetch(row -> new Entry(row.getSeq(), row.getDeviceId(), row.getEntity(), row.getEntityId(),
                        row.getOperation(), row.getPayload().data(), row.getState(), row.getAttempts(),
                        row.getRejectionReason()));
    }

    /** Every change queued for one entity, in order. */
    public List<Entry> forEntity(String entity, UUID entityId) {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.ENTITY.eq(entity), OUTBOX.ENTITY_ID.eq(entityId)).orderBy(OUTBOX.SEQ)
                .fetch(row -> new Entry(row.getSeq(), row.getDeviceId(), row.getEntity(), row.getEntityId(),
                        row.getOperation(), row.getPayload().data(), row.getState(), row.getAttempts(),
                        row.getRejectionReason()));
    }

    public int pendingCount() {
        return dsl.fetchCount(OUTBOX, OUTBOX.STATE.eq("pending"));
    }

    private static String json(Object payload) {
        try {
            return JSON_MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A change could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
