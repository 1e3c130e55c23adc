package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.USERS;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Makes a profile's identity on its first start and reads it afterwards: a learner (a row in users,
 * so that the learner's records have an owner before any server is known), this device's id, and the
 * fingerprint of the installation that made it, which each later start compares (InstallationCheck).
 */
final class IdentityRepository {

    static final String USER_KEY = "profile.user_id";
    static final String DEVICE_KEY = "device.id";

    private IdentityRepository() {
    }

    /**
     * @param fingerprint this installation's, or null for a store without a folder (in memory)
     * @param movedFrom the folder's fingerprint before the player moved it, or null when it did not
     */
    static ProfileIdentity ensure(DSLContext dsl, String profileName, InstallationFingerprint fingerprint,
            InstallationFingerprint movedFrom, Clock clock) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            SettingsRepository settings = new SettingsRepository(tx, clock);
            Optional<UUID> user = settings.get(USER_KEY, UUID.class);
            UUID userId = user.orElseGet(UUID::randomUUID);
            if (user.isEmpty()) {
                tx.insertInto(USERS).set(USERS.ID, userId).set(USERS.NAME, displayName(profileName)).execute();
                settings.put(USER_KEY, userId);
            }
            Optional<UUID> device = settings.get(DEVICE_KEY, UUID.class);
            UUID deviceId = device.orElseGet(UUID::randomUUID);
            if (device.isEmpty()) {
                settings.put(DEVICE_KEY, deviceId);
            }
            ProfileIdentity identity = new ProfileIdentity(new UserId(userId), new DeviceId(deviceId), profileName);
            return fingerprint == null ? identity : InstallationCheck.verify(tx, identity, fingerprint, movedFrom, clock);
        });
    }

    /** "default" becomes "Default", "ana-lima" becomes "Ana-lima": a first name until the learner sets one. */
    private static String displayName(String profileName) {
        return profileName.substring(0, 1).toUpperCase(Locale.ROOT) + profileName.substring(1);
    }
}
