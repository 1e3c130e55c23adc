package edu.sevenp.model.protocol;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /sync/push}.
 *
 * @param clockOffsetMillis the device clock minus the server clock, as measured at this sync; null for 0
 */
public record PushRequest(UUID deviceId, Long clockOffsetMillis, List<PushedChange> changes) {

    public PushRequest {
        changes = changes == null ? null : List.copyOf(changes);
    }
}
