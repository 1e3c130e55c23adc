package edu.sevenp.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.sync.LearnerChange;

/** Pushed changes made from payload records, as the player's outbox would send them. */
public final class Changes {

    private Changes() {
    }

    public static PushedChange change(long seq, LearnerChange payload) {
        JsonNode json = ApiClient.JSON.valueToTree(payload);
        return new PushedChange(seq, payload.entity(), payload.operation(), payload.entityId(), json);
    }
}
