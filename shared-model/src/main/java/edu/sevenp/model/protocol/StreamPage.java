package edu.sevenp.model.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What one pull answer holds of one stream (docs/sync-protocol.md, section 6).
 *
 * @param cursor to be stored with these changes, in the same local transaction
 * @param reset the stream starts over from a full copy: mark local rows, sweep those the copy did not send
 * @param bootstrap these changes are part of a full copy of the stream
 * @param complete false when the stream has more to send
 */
public record StreamPage(String stream, String cursor, boolean reset, boolean bootstrap, boolean complete,
        List<PulledChange> changes) {

    public StreamPage {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(cursor, "cursor");
        changes = List.copyOf(changes);
    }
}
