package edu.sevenp.desktop.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that the person may stop (an upload): {@link #cancel()} from any thread runs the actions registered by
 * the work in progress (closing its connection), and work that starts later sees {@link #cancelled()}.
 */
public final class Cancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Stops the work: the actions registered so far run now, on this thread, each once. */
    public void cancel() {
        List<Runnable> now;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            now = List.copyOf(actions);
            actions.clear();
        }
        now.forEach(Runnable::run);
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Runs {@code action} when cancelled; at once, on this thread, if it already is. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
