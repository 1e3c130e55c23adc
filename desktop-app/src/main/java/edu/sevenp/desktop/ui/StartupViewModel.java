package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the learner's profile in the background while the window already shows, then says whether that
 * worked. A failure is logged once, with its stack trace, and explained to the learner in words of the
 * launcher's choosing (it knows about profiles and options; the window does not).
 */
public final class StartupViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);

    /** Where start-up stands. */
    public enum Phase { OPENING, OPENED, FAILED }

    private final Callable<PlayerServices> opener;
    private final Function<Throwable, String> explain;
    private final UiExecutors executors;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<PlayerServices> opened = new CompletableFuture<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final String logFileText;

    /**
     * @param opener opens the profile; runs once, on {@code executors.background()}
     * @param explain turns a failure into a message for the learner
     * @param logFile where the details of a failure go
     */
    public StartupViewModel(Callable<PlayerServices> opener, Function<Throwable, String> explain, Path logFile,
            UiExecutors executors) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.explain = Objects.requireNonNull(explain, "explain");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.logFileText = Messages.of(StartupViewModel.class).format("startup.logFile",
                Objects.requireNonNull(logFile, "logFile").toString());
    }

    /** Starts opening the profile (once); returns at once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        executors.background().execute(() -> {
            try {
                opened.complete(opener.call());
            } catch (Exception | LinkageError e) {
                LOG.error("Start-up failed", e);
                opened.completeExceptionally(e);
            }
            // After the learner closed the window, there may be no UI thread left to tell.
            opened.whenComplete((services, failure) -> executors.ui().execute(() -> {
                if (failure != null) {
                    problem.set(explain.apply(failure));
                }
                phase.set(failure == null ? Phase.OPENED : Phase.FAILED);
            }));
        });
    }

    /**
     * The window could not be shown: gives up before opening anything. Once the opening has started it
     * runs to its end instead, so that what it opens can be closed.
     */
    public void abandon() {
        if (started.compareAndSet(false, true)) {
            opened.cancel(false);
        }
    }

    /** Completes when the opening has finished: with the services, or exceptionally with why it failed. */
    public CompletableFuture<PlayerServices> opened() {
        return opened;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why the profile could not be opened, for the learner; empty until then. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String logFileText() {
        return logFileText;
    }
}
