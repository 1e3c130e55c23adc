package edu.sevenp.desktop.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The current sync status and who is told when it changes (the search index's board, for sync). */
final class SyncStatusBoard {

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatusBoard.class);

    private final List<SyncListener> listeners = new ArrayList<>();
    private SyncStatus current;

    SyncStatusBoard(SyncStatus initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    synchronized SyncStatus current() {
        return current;
    }

    /** Adds a listener and tells it the current status at once, so it never starts out of date. */
    synchronized void add(SyncListener listener) {
        listeners.add(listener);
        tell(listener, current);
    }

    synchronized void remove(SyncListener listener) {
        listeners.remove(listener);
    }

    /** Changes the status under the lock, so every listener sees the statuses in the order they happened. */
    synchronized SyncStatus update(UnaryOperator<SyncStatus> change) {
        SyncStatus next = Objects.requireNonNull(change.apply(current), "status");
        if (!next.equals(current)) {
            current = next;
            for (SyncListener listener : listeners) {
                tell(listener, next);
            }
        }
        return next;
    }

    private static void tell(SyncListener listener, SyncStatus status) {
        try {
            listener.statusChanged(status);
        } catch (RuntimeException e) {
            LOG.warn("A sync status listener failed", e);
        }
    }
}
