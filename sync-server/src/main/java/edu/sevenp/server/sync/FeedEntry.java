package edu.sevenp.server.sync;

import java.util.UUID;

/** One row of the change feed: which row of which table changed, in which transaction ({@code op} U or D). */
public record FeedEntry(long txid, long id, String entity, UUID entityId, char op) {

    public boolean isDelete() {
        return op == 'D';
    }
}
