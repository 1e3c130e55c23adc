package edu.sevenp.desktop.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A current status and who is told when it changes, for a service that works on its own thread (the search index,
 * sync). Listeners hear every change in the order it happened, and a repeat of the current status is dropped.
 *
 * @param <S> the status, a value with equals
 * @param <L> the listener type
 */
public final class StatusBoard<S, L> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    private final List<L> listeners = new ArrayList<>();
    private final BiConsumer<L, S> tell;
    private final String what;
    private S current;

    /**
     * @param tell how a listener is told a status
     * @param what the status's name in the log when a listener fails ("search index", "sync")
     */
    public StatusBoard(S initial, BiConsumer<L, S> tell, String what) {
        this.current = Objects.requireNonNull(initial, "initial");
        this.tell = Objects.requireNonNull(tell, "tell");
        this.what = Objects.requireNonNull(what, "what");
    }

    public synchronized S current() {
        return current;
    }

    /** Adds a listener and tells it the current status at once, so it never starts out of date. */
    public synchronized void add(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        tell(listener, current);
    }

    public synchronized void remove(L listener) {
        listeners.remove(listener);
    }

    /** Publishes {@code status} unless it is the current one. */
    public void publish(S status) {
        update(ignored -> status);
    }

    /** Changes the status under the lock, so every listener sees the statuses in the order they happened. */
    public synchronized S update(UnaryOperator<S> change) {
        S next = Objects.requireNonNull(change.apply(current), "status");
        if (!next.equals(current)) {
            current = next;
            for (L listener : listeners) {
                tell(listener, next);
            }
        }
        return next;
    }

    private void tell(L listener, S status) {
        try {
            tell.accept(listener, status);
        } catch (RuntimeException e) {
            LOG.warn("A {} status listener failed", what, e);
        }
    }
}
