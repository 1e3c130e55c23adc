package edu.sevenp.model.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /sync/pull} (docs/sync-protocol.md, section 6).
 *
 * @param streams the client's cursor of every stream it holds; a null cursor means "from the beginning"
 * @param limit at most this many changes per answer (1 to 1,000), or null for the server's default
 */
public record PullRequest(Map<String, String> streams, Integer limit) {

    public PullRequest {
        // LinkedHashMap rather than Map.copyOf: null cursors are allowed.
        streams = streams == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }
}
