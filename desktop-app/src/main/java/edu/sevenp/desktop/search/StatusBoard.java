package edu.sevenp.desktop.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The index's current status and who is told when it changes. */
final class StatusBoard {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    private final List<IndexListener> listeners = new ArrayList<>();
    private IndexStatus current;

    StatusBoard(IndexStatus initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    synchronized IndexStatus current() {
        return current;
    }

    /** Adds a listener and tells it the current status at once, so it never starts out of date. */
    synchronized void add(IndexListener listener) {
        listeners.add(listener);
        tell(listener, current);
    }

    synchronized void remove(IndexListener listener) {
        listeners.remove(listener);
    }

    /** Under the lock, so every listener sees the statuses in the order they happened; repeats are dropped. */
    synchronized void publish(IndexStatus status) {
        if (status.equals(current)) {
            return;
        }
        current = status;
        for (IndexListener listener : listeners) {
            tell(listener, status);
        }
    }

    private static void tell(IndexListener listener, IndexStatus status) {
        try {
            listener.statusChanged(status);
        } catch (RuntimeException e) {
            LOG.warn("A search index listener failed", e);
        }
    }
}
