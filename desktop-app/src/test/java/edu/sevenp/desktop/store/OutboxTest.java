package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox as a sync engine uses it: pending entries in order, answers, rejections, and rows still waiting. */
class OutboxTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00.123456Z");

    private final TestClock clock = new TestClock(MONDAY);
    private final LocalStore store = LocalStore.openInMemory("outbox-" + UUID.randomUUID(), clock);
    private final Outbox outbox = store.outbox();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void pendingEntriesComeOldestFirstAndAtMostTheBatchLimit() {
        UUID note = UUID.randomUUID();
        long first = queue(SyncEntity.USER_NOTES, note, ChangeOperation.UPSERT);
        long second = queue(SyncEntity.LESSON_PROGRESS, UUID.randomUUID(), ChangeOperation.UPSERT);
        long third = queue(SyncEntity.USER_NOTES, note, ChangeOperation.DELETE);

        assertThat(outbox.pending(2)).extracting(Outbox.Entry::seq).containsExactly(first, second);
        assertThat(outbox.pending(500)).extracting(Outbox.Entry::seq).containsExactly(first, second, third);
        assertThat(outbox.pendingCount()).isEqualTo(3);
        assertThatThrownBy(() -> outbox.pending(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryReadsBackTypedWithTheStoredCodesUnchanged() {
        UUID note = UUID.randomUUID();
        long seq = queue(SyncEntity.USER_NOTES, note, ChangeOperation.DELETE);

        assertThat(outbox.pending(1)).containsExactly(new Outbox.Entry(seq, store.identity().deviceId(),
                SyncEntity.USER_NOTES, note, ChangeOperation.DELETE, "{\"content\":\"a\"}", OutboxState.PENDING, 0,
                Optional.empty()));
        List<Object> stored = store.dsl().select(OUTBOX.ENTITY, OUTBOX.OPERATION, OUTBOX.STATE, OUTBOX.CREATED_AT)
                .from(OUTBOX).fetchOne(row -> List.of(row.value1(), row.value2(), row.value3(), row.value4().toInstant()));
        assertThat(stored).as("codes as before, created_at from the store's clock")
                .containsExactly("user_notes", "delete", "pending", MONDAY.toInstant());
    }

    @Test
    void anAnsweredEntryIsRemovedAndTheOthersStay() {
        long answered = queue(SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT);
        long waiting = queue(SyncEntity.USER_BOOKMARKS, UUID.randomUUID(), ChangeOperation.UPSERT);

        assertThat(outbox.markAnswered(answered)).isTrue();

        assertThat(outbox.pending(10)).extracting(Outbox.Entry::seq).containsExactly(waiting);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.markAnswered(answered)).as("answered twice").isFalse();
    }

    @Test
    void aRejectedEntryIsKeptWithItsReasonAndNoLongerPending() {
        long rejected = queue(SyncEntity.ENROLLMENTS, UUID.randomUUID(), ChangeOperation.UPSERT);
        long waiting = queue(SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT);

        assertThat(outbox.markRejected(rejected, "not_entitled", "the course is not open to you: course 2ca8")).isTrue();

        assertThat(outbox.pending(10)).extracting(Outbox.Entry::seq).containsExactly(waiting);
        assertThat(outbox.rejected()).extracting(Outbox.Entry::seq, Outbox.Entry::state, Outbox.Entry::rejection)
                .containsExactly(tuple(rejected, OutboxState.REJECTED,
                        Optional.of(new Outbox.Rejection("not_entitled", "the course is not open to you: course 2ca8"))));
        assertThat(store.dsl().select(OUTBOX.REJECTION_REASON).from(OUTBOX).where(OUTBOX.SEQ.eq(rejected))
                .fetchOne(OUTBOX.REJECTION_REASON)).isEqualTo("not_entitled: the course is not open to you: course 2ca8");
    }

    @Test
    void aRejectedEntryIsNeitherAnsweredNorRejectedAgain() {
        long seq = queue(SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT);
        outbox.markRejected(seq, "validation_failed", "content is too long");

        assertThat(outbox.markAnswered(seq)).isFalse();
        assertThat(outbox.markRejected(seq, "not_found", "gone")).isFalse();

        assertThat(outbox.rejected()).singleElement().extracting(Outbox.Entry::rejection)
                .isEqualTo(Optional.of(new Outbox.Rejection("validation_failed", "content is too long")));
    }

    @Test
    void aRejectionNeedsTheProtocolsKindOfCode() {
        long seq = queue(SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT);

        assertThatThrownBy(() -> outbox.markRejected(seq, "Not Entitled", "no")).isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void aReasonWrittenOtherwiseReadsAsAMessageOfCodeUnknown() {
        assertThat(Outbox.Rejection.parse("refused")).isEqualTo(new Outbox.Rejection("unknown", "refused"));
        assertThat(Outbox.Rejection.parse("Refused: no")).isEqualTo(new Outbox.Rejection("unknown", "Refused: no"));
    }

    @Test
    void aRowHasAPendingChangeUntilTheServerHasAnsweredForIt() {
        UUID note = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        long first = queue(SyncEntity.USER_NOTES, note, ChangeOperation.UPSERT);
        long second = queue(SyncEntity.USER_NOTES, note, ChangeOperation.UPSERT);
        queue(SyncEntity.USER_BOOKMARKS, other, ChangeOperation.UPSERT);

        assertThat(outbox.hasPending(SyncEntity.USER_NOTES, note)).isTrue();
        assertThat(outbox.hasPending(SyncEntity.USER_NOTES, other)).as("another entity's row").isFalse();
        assertThat(outbox.withPendingChanges(SyncEntity.USER_NOTES, List.of(note, other, UUID.randomUUID())))
                .containsExactly(note);

        outbox.markAnswered(first);
        assertThat(outbox.hasPending(SyncEntity.USER_NOTES, note)).as("one change still waits").isTrue();
        outbox.markRejected(second, "not_found", "the lesson is gone");
        assertThat(outbox.hasPending(SyncEntity.USER_NOTES, note)).isFalse();
        assertThat(outbox.withPendingChanges(SyncEntity.USER_NOTES, List.of(note))).isEmpty();
        assertThat(outbox.withPendingChanges(SyncEntity.USER_NOTES, List.of())).isEmpty();
    }

    @Test
    void rowsByEntityCountsEachRowOnceInTheStateAsked() {
        UUID note = UUID.randomUUID();
        queue(SyncEntity.USER_NOTES, note, ChangeOperation.UPSERT);
        queue(SyncEntity.USER_NOTES, note, ChangeOperation.UPSERT);
        queue(SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT);
        queue(SyncEntity.LESSON_PROGRESS, UUID.randomUUID(), ChangeOperation.UPSERT);
        long refused = queue(SyncEntity.USER_BOOKMARKS, UUID.randomUUID(), ChangeOperation.UPSERT);
        outbox.markRejected(refused, "not_found", "the lesson is gone");
        UUID importedCourse = UUID.randomUUID();
        store.dsl().transaction(configuration -> outbox.append(configuration.dsl(), SyncEntity.USER_NOTES, UUID.randomUUID(),
                ChangeOperation.UPSERT, Map.of("content", "a"), importedCourse));

        assertThat(outbox.rowsByEntity(OutboxState.PENDING))
                .isEqualTo(Map.of(SyncEntity.USER_NOTES, 2, SyncEntity.LESSON_PROGRESS, 1));
        assertThat(outbox.rowsByEntity(OutboxState.HELD)).isEqualTo(Map.of(SyncEntity.USER_NOTES, 1));
        assertThat(outbox.rowsByEntity(OutboxState.REJECTED)).isEqualTo(Map.of(SyncEntity.USER_BOOKMARKS, 1));
        assertThat(outbox.rowsByEntity(OutboxState.APPLIED)).isEmpty();
    }

    private long queue(SyncEntity entity, UUID id, ChangeOperation operation) {
        return store.dsl().transactionResult(configuration ->
                outbox.append(configuration.dsl(), entity, id, operation, Map.of("content", "a"), null));
    }
}
