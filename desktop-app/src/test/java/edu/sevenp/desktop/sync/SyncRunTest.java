package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.OutboxState;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a push answer shows that the store is behind the server (restored from an older copy). */
class SyncRunTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T09:00:00Z");

    @Test
    void everyChangeAnsweredAsADuplicateOfNumbersBeyondTheBatchMeansARestoredStore() {
        List<Outbox.Entry> batch = List.of(entry(5), entry(6));

        assertThat(SyncRun.behindServer(batch, answer(9, ChangeStatus.DUPLICATE, ChangeStatus.DUPLICATE))).isTrue();
    }

    @Test
    void aRetryAfterALostAnswerIsNotMistakenForIt() {
        List<Outbox.Entry> batch = List.of(entry(5), entry(6));

        assertThat(SyncRun.behindServer(batch, answer(6, ChangeStatus.DUPLICATE, ChangeStatus.DUPLICATE))).isFalse();
        assertThat(SyncRun.behindServer(batch, answer(6, ChangeStatus.APPLIED, ChangeStatus.APPLIED))).isFalse();
        assertThat(SyncRun.behindServer(batch, answer(9, ChangeStatus.DUPLICATE, ChangeStatus.APPLIED))).isFalse();
    }

    private static Outbox.Entry entry(long seq) {
        return new Outbox.Entry(seq, new DeviceId(UUID.randomUUID()), SyncEntity.USER_NOTES, UUID.randomUUID(),
                ChangeOperation.UPSERT, "{}", OutboxState.PENDING, 0, Optional.empty());
    }

    private static PushResponse answer(long lastApplied, ChangeStatus first, ChangeStatus second) {
        return new PushResponse(AT, lastApplied, List.of(new ChangeResult(5, first, null, List.of(), null),
                new ChangeResult(6, second, null, List.of(), null)));
    }
}
