package edu.sevenp.server.auth;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import java.util.Objects;

/** Who is asking: the user an access token was issued to, on the device it was issued to. */
public record Caller(UserId user, DeviceId device) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
    }
}
