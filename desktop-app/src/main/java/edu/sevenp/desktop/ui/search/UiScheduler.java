package edu.sevenp.desktop.ui.search;

import java.time.Duration;

/**
 * Runs a task once, after a delay, on the UI thread. The search debounces typing with it; tests pass a
 * scheduler they fire by hand, so they never sleep.
 */
@FunctionalInterface
public interface UiScheduler {

    /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
