package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a pull.
 *
 * @param streams the streams this answer advances, in the order to apply them
 * @param revoked streams the user no longer has: remove that course's content, never the learner's own rows
 * @param more pull again at once
 */
public record PullResponse(OffsetDateTime serverTime, List<StreamPage> streams, List<String> revoked, boolean more) {

    public PullResponse {
        streams = List.copyOf(streams);
        revoked = List.copyOf(revoked);
    }
}
