package edu.sevenp.model.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.util.UUID;

/**
 * One change of a push (docs/sync-protocol.md, section 7). The payload's record type follows from
 * {@code entity} and {@code op} ({@code ChangeKinds.payloadType}), so it travels as a JSON tree and is
 * read once both are known.
 *
 * @param seq the device's sequence number of the change, 1 or more
 * @param id the changed row's id on the device
 */
public record PushedChange(long seq, SyncEntity entity, ChangeOperation op, UUID id, JsonNode payload) {
}
