package edu.sevenp.desktop.store;

import edu.sevenp.model.DeviceId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The profile's folder was found to be a copy of another installation's (a cloned disk image, a restored
 * backup, a folder copied or moved) and was given a new device id before it could send anything. Kept until
 * the learner signs in again, so that the app can say why it asks.
 *
 * @param previousDevice the device id the folder came with, which stays the other installation's
 * @param device the new device id of this installation
 * @param changed which parts of the installation's fingerprint differed (folder, file key, creation time, host name)
 * @param movedChanges queued changes that now go under the new device id
 * @param timeSpentDropped seconds of study time in queued progress changes that will not be sent again: the
 *        other installation may already have sent them, and sending them twice would count them twice
 */
public record ProfileCopy(DeviceId previousDevice, DeviceId device, OffsetDateTime detectedAt, List<String> changed,
        int movedChanges, long timeSpentDropped) {

    public ProfileCopy {
        Objects.requireNonNull(previousDevice, "previousDevice");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(detectedAt, "detectedAt");
        changed = List.copyOf(changed);
    }
}
