package edu.sevenp.desktop.sync;

import java.util.List;

/** What the push channel says (docs/sync-protocol.md, section 12); called on the channel's own thread. */
public interface ServerEvents {

    /** The channel is open: pull once, since changes may have been missed while it was closed. */
    void opened();

    /** Rows of these streams changed. */
    void changed(List<String> streams);

    /** The channel ended: {@code failure} says why (a {@link SyncFailure}), or is null when the server closed it. */
    void closed(SyncFailure failure);
}
