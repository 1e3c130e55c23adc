package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.sync.SyncEntity;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each time a profile opens, before anything can be sent: is this the installation that made the device id,
 * or a copy of its folder (docs/sync-protocol.md, section 15)? Two installations pushing under one device id
 * would share its sequence numbers, and the server would take the second one's changes for replays of the
 * first one's and drop them. A copy gets a new device id, and its queued changes go under it.
 *
 * <p>Queued changes are sent again from the copy, because the other installation may never have sent them.
 * Every kind is harmless to send twice (notes, bookmarks, enrollments, reviews and tombstones merge by id and
 * version; an attempt the server has is a duplicate) except study time: progress carries a delta that the
 * server adds. Those deltas are set to 0, so after a copy time spent may count short, never twice.
 */
final class InstallationCheck {

    private static final Logger LOG = LoggerFactory.getLogger(InstallationCheck.class);
    static final String FINGERPRINT_KEY = "device.installation_fingerprint";
    static final String COPY_KEY = "device.copy_detected";
    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    private InstallationCheck() {
    }

    /**
     * Compares {@code current} with the fingerprint stored at the profile's first run (stores it when there
     * is none: a first run, or a profile made before fingerprints) and re-keys a copy, inside {@code tx}.
     *
     * @param movedFrom the folder's fingerprint measured just before the player renamed it (StoreFolders), or null
     * @return the identity to use from now on
     */
    static ProfileIdentity verify(DSLContext tx, ProfileIdentity identity, InstallationFingerprint current,
            InstallationFingerprint movedFrom, Clock clock) {
        SettingsRepository settings = new SettingsRepository(tx, clock);
        Optional<InstallationFingerprint> stored = settings.get(FINGERPRINT_KEY, InstallationFingerprint.class);
        if (stored.isEmpty()) {
            settings.put(FINGERPRINT_KEY, current);
            return identity;
        }
        List<String> changed = current.differencesFrom(stored.get());
        if (changed.isEmpty()) {
            InstallationFingerprint completed = stored.get().completedBy(current);
            if (!completed.equals(stored.get())) {
                settings.put(FINGERPRINT_KEY, completed);
            }
            return identity;
        }
        if (renamedByThePlayer(stored.get(), movedFrom, current)) {
            settings.put(FINGERPRINT_KEY, current.completedBy(stored.get()));
            LOG.info("profile {} was renamed by the player: its folder's new path is this installation's; device {} kept",
                    identity.profileName(), identity.deviceId());
            return identity;
        }
        settings.put(FINGERPRINT_KEY, current);
        return rekey(tx, identity, changed, clock);
    }

    /**
     * The player renamed the folder itself: before the move it was this installation's, and the move changed its
     * path alone (a rename keeps the inode, the creation time and the computer). Anything else is a copy.
     */
    private static boolean renamedByThePlayer(InstallationFingerprint stored, InstallationFingerprint movedFrom,
            InstallationFingerprint current) {
        return movedFrom != null && movedFrom.differencesFrom(stored).isEmpty()
                && current.differencesFrom(movedFrom).equals(List.of(InstallationFingerprint.FOLDER));
    }

    /**
     * The server has applied changes under this device's id that this store never made: it was restored from
     * an older copy of the folder, in place. Re-keyed like a copy, for the same reason.
     */
    static ProfileIdentity behindServer(DSLContext tx, ProfileIdentity identity, Clock clock) {
        return rekey(tx, identity, List.of("the server holds changes of this device that this copy never made"), clock);
    }

    private static ProfileIdentity rekey(DSLContext tx, ProfileIdentity identity, List<String> changed, Clock clock) {
        SettingsRepository settings = new SettingsRepository(tx, clock);
        int moved = tx.fetchCount(OUTBOX, OUTBOX.STATE.in(OutboxState.PENDING.code(), OutboxState.HELD.code()));
        long dropped = dropQueuedTimeSpent(tx);
        ProfileIdentity renewed = AccountLink.renewDevice(tx, identity, clock);
        ProfileCopy copy = new ProfileCopy(identity.deviceId(), renewed.deviceId(), Rows.now(clock), changed, moved, dropped);
        settings.put(COPY_KEY, copy);
        LOG.warn("profile {} is a copy of another installation's folder ({} changed): device {} is now {}; {} queued"
                + " changes go under it, {} s of queued study time will not be sent again; the sync sign-in of the other"
                + " installation is not used here", identity.profileName(), String.join(", ", changed),
                identity.deviceId(), renewed.deviceId(), moved, dropped);
        return renewed;
    }

    /** The copy found at the last open, until {@link #dismiss} (the learner signed in again). */
    static Optional<ProfileCopy> lastCopy(SettingsRepository settings) {
        return settings.get(COPY_KEY, ProfileCopy.class);
    }

    static void dismiss(SettingsRepository settings) {
        settings.remove(COPY_KEY);
    }

    /** Sets the time delta of every queued progress change to 0; answers the seconds taken out. */
    private static long dropQueuedTimeSpent(DSLContext tx) {
        long dropped = 0;
        for (var entry : tx.select(OUTBOX.SEQ, OUTBOX.PAYLOAD).from(OUTBOX)
                .where(OUTBOX.STATE.in(OutboxState.PENDING.code(), OutboxState.HELD.code()),
                        OUTBOX.ENTITY.eq(SyncEntity.LESSON_PROGRESS.code()))
                .fetch()) {
            try {
                ObjectNode payload = (ObjectNode) JSON_MAPPER.readTree(entry.value2().data());
                long seconds = payload.path("timeSpentDelta").asLong(0);
                if (seconds != 0) {
                    dropped += seconds;
                    payload.put("timeSpentDelta", 0);
                    tx.update(OUTBOX).set(OUTBOX.PAYLOAD, JSON.json(JSON_MAPPER.writeValueAsString(payload)))
                            .where(OUTBOX.SEQ.eq(entry.value1())).execute();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("outbox entry " + entry.value1() + " holds no JSON", e);
            }
        }
        return dropped;
    }
}
