package edu.sevenp.server.sync;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import java.util.function.Function;

/** The database side of sync (implemented in server.db): one transaction per push or pull, as the user. */
public interface SyncStore {

    /** Runs a push as {@code user}: {@code work} gets the device's row locked, and all of it commits or none. */
    <T> T push(UserId user, DeviceId device, Function<PushSession, T> work);

    /** Runs a pull as {@code user}. */
    <T> T pull(UserId user, Function<PullSession, T> work);
}
