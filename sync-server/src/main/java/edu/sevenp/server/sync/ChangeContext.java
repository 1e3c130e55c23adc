package edu.sevenp.server.sync;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import java.util.Objects;

/** Who sent a change, its sequence number, and the push's time conversion. */
public record ChangeContext(UserId user, DeviceId device, long seq, ServerTime time) {

    public ChangeContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
    }
}
