package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.List;
import java.util.Objects;

/**
 * What applying one change did: the merge's outcome (docs/sync-protocol.md, section 7) and the server's version
 * of every row it wrote.
 */
public record Applied(String outcome, List<SyncRow> rows) {

    public Applied {
        Objects.requireNonNull(outcome, "outcome");
        rows = List.copyOf(rows);
    }

    static Applied of(String outcome, SyncRow... rows) {
        return new Applied(outcome, List.of(rows));
    }
}
