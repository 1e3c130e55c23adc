package edu.sevenp.desktop.ui.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link UiScheduler} whose tasks run when the test says so. */
final class ManualScheduler implements UiScheduler {

    private final List<Runnable> pending = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        pending.add(task);
        delays.add(delay);
        return () -> pending.remove(task);
    }

    /** Runs every task still scheduled, as if their delays had passed. */
    void elapse() {
        List<Runnable> due = List.copyOf(pending);
        pending.clear();
        due.forEach(Runnable::run);
    }

    int pendingCount() {
        return pending.size();
    }

    List<Duration> delays() {
        return delays;
    }
}
