package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Table;

/**
 * A profile's learner becomes a server account's learner. Until its first sign-in a profile's records
 * belong to a local user; signing in hands them, and the changes queued for them, to the account, so
 * that what was done offline before there was an account is uploaded too. A profile belongs to one
 * account for good: another account needs another profile.
 */
final class AccountLink {

    /** The server account this profile belongs to, once it signed in. */
    static final String LINKED_ACCOUNT = "sync.account_user_id";

    private static final List<String> LEARNER_TABLES = List.of("enrollments", "lesson_progress", "quiz_attempts",
            "course_completions", "user_achievements", "user_notes", "user_bookmarks");
    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    private AccountLink() {
    }

    /** Links the profile to {@code account}; answers the identity afterwards. */
    static ProfileIdentity adopt(DSLContext tx, ProfileIdentity current, UserId account, String name, Clock clock) {
        SettingsRepository settings = new SettingsRepository(tx, clock);
        Optional<UUID> linked = settings.get(LINKED_ACCOUNT, UUID.class);
        if (linked.isPresent()) {
            if (!linked.get().equals(account.value())) {
                throw new ProfileOfAnotherAccountException(StoreException.WORDS.text("anotherAccount",
                        linked.get().toString()));
            }
            return current;
        }
        UUID from = current.userId().value();
        UUID to = account.value();
        if (!tx.fetchExists(USERS, USERS.ID.eq(to))) {
            tx.insertInto(USERS).set(USERS.ID, to).set(USERS.NAME, name).execute();
        } else {
            tx.update(USERS).set(USERS.NAME, name).where(USERS.ID.eq(to)).execute();
        }
        if (!from.equals(to)) {
            for (String tableName : LEARNER_TABLES) {
                Table<?> table = ReplicaRows.table(tableName).orElseThrow();
                tx.update(table).set(table.field("user_id", UUID.class), to)
                        .where(table.field("user_id", UUID.class).eq(from)).execute();
            }
            rewriteQueuedChanges(tx, from, to);
            if (!tx.fetchExists(COURSES, COURSES.INSTRUCTOR_ID.eq(from))) {
                tx.deleteFrom(USERS).where(USERS.ID.eq(from)).execute();
            }
            settings.put(IdentityRepository.USER_KEY, to);
        }
        settings.put(LINKED_ACCOUNT, to);
        return new ProfileIdentity(account, current.deviceId(), current.profileName());
    }

    /**
     * A new device id for this installation (a copied data folder, a device the server revoked): the changes
     * still to send go under it. Their numbers stay: any increasing numbers start a new device well.
     */
    static ProfileIdentity renewDevice(DSLContext tx, ProfileIdentity current, Clock clock) {
        UUID device = UUID.randomUUID();
        new SettingsRepository(tx, clock).put(IdentityRepository.DEVICE_KEY, device);
        tx.update(OUTBOX).set(OUTBOX.DEVICE_ID, device)
                .where(OUTBOX.STATE.in(OutboxState.PENDING.code(), OutboxState.HELD.code())).execute();
        return new ProfileIdentity(current.userId(), new DeviceId(device), current.profileName());
    }

    private static void rewriteQueuedChanges(DSLContext tx, UUID from, UUID to) {
        for (var entry : tx.select(OUTBOX.SEQ, OUTBOX.PAYLOAD).from(OUTBOX).fetch()) {
            try {
                ObjectNode payload = (ObjectNode) JSON_MAPPER.readTree(entry.value2().data());
                if (payload.hasNonNull("userId") && payload.get("userId").asText().equals(from.toString())) {
                    payload.put("userId", to.toString());
                    tx.update(OUTBOX).set(OUTBOX.PAYLOAD, JSON.json(JSON_MAPPER.writeValueAsString(payload)))
                            .where(OUTBOX.SEQ.eq(entry.value1())).execute();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("outbox entry " + entry.value1() + " holds no JSON", e);
            }
        }
    }
}
