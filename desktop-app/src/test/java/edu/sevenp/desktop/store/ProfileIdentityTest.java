package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileIdentityTest {

    @TempDir
    Path temp;

    @Test
    void aProfileGetsItsLearnerAndDeviceOnceAndKeepsThem() {
        ProfileIdentity first;
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana")) {
            first = store.identity();
            assertThat(store.dsl().fetchValue(USERS.NAME, USERS.ID.eq(first.userId().value()))).isEqualTo("Ana");
        }

        try (LocalStore reopened = LocalStore.openFile(temp.resolve("ana"), "ana")) {
            assertThat(reopened.identity()).isEqualTo(first);
        }
    }

    @Test
    void twoProfilesAreTwoLearnersOnOneDeviceEach() {
        try (LocalStore ana = LocalStore.openFile(temp.resolve("ana"), "ana");
                LocalStore ben = LocalStore.openFile(temp.resolve("ben"), "ben")) {
            assertThat(ana.identity().userId()).isNotEqualTo(ben.identity().userId());
        }
    }

    @Test
    void anOutboxEntryIsWrittenOrRolledBackWithItsChange() {
        try (LocalStore store = LocalStore.openInMemory("outbox-" + UUID.randomUUID())) {
            Outbox outbox = store.outbox();
            UUID first = UUID.randomUUID();
            long seq = store.dsl().transactionResult(configuration ->
                    outbox.append(configuration.dsl(), SyncEntity.USER_NOTES, first, ChangeOperation.UPSERT,
                            Map.of("content", "a"), null));

            assertThatThrownBy(() -> store.dsl().transaction(configuration -> {
                outbox.append(configuration.dsl(), SyncEntity.USER_NOTES, UUID.randomUUID(), ChangeOperation.UPSERT, Map.of(),
                        null);
                throw new IllegalStateException("the change itself failed");
            })).hasMessage("the change itself failed");

            assertThat(outbox.pending(10)).extracting(Outbox.Entry::seq, Outbox.Entry::entityId, Outbox.Entry::payload)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(seq, first, "{\"content\":\"a\"}"));
            assertThat(outbox.pending(10).get(0).deviceId()).isEqualTo(store.identity().deviceId());
        }
    }
}
