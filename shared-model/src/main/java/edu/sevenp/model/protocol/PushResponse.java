package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer to a push: one result per change, in sequence order. */
public record PushResponse(OffsetDateTime serverTime, long lastAppliedSeq, List<ChangeResult> results) {

    public PushResponse {
        results = List.copyOf(results);
    }
}
