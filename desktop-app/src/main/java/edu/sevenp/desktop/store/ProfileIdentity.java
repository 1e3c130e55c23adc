package edu.sevenp.desktop.store;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import java.util.Objects;

/**
 * Who this profile's changes belong to and which device made them: the profile's learner (a local
 * user until the profile signs in to a server) and this installation's device id, both made on the
 * profile's first start.
 */
public record ProfileIdentity(UserId userId, DeviceId deviceId, String profileName) {

    public ProfileIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(profileName, "profileName");
    }
}
