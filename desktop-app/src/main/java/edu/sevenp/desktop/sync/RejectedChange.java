package edu.sevenp.desktop.sync;

import edu.sevenp.model.sync.SyncEntity;
import java.util.Objects;
import java.util.UUID;

/**
 * A change the server refused for good, as the learner is shown it: kept on this computer, never sent again.
 *
 * @param code the protocol's reason code, such as {@code not_found} or {@code not_entitled}
 * @param message the server's own words
 */
public record RejectedChange(SyncEntity entity, UUID entityId, String code, String message) {

    public RejectedChange {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
