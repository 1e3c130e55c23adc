package edu.sevenp.desktop.preview;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action once things have been quiet for a while. Saving one file touches the folder several times (editors
 * write a temporary file, rename it over the old one, change its times), and a preview should reload once, after the
 * last of them: each {@link #trigger()} within {@code quiet} of the previous one moves the run later.
 */
public final class Debouncer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Debouncer.class);

    private final ScheduledExecutorService timer;
    private final Duration quiet;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    private boolean closed;

    /** @param timer runs the action; a single thread, so that runs never overlap */
    public Debouncer(ScheduledExecutorService timer, Duration quiet, Runnable action) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Something changed: the action runs {@code quiet} after the last such call. */
    public synchronized void trigger() {
        if (closed) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::run, quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A scheduled task's exception would vanish into its future: it is logged instead. */
    private void run() {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("A debounced action failed", e);
        }
    }

    /** Drops a run not started yet; later triggers do nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
