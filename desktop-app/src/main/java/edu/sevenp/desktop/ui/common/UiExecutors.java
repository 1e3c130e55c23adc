package edu.sevenp.desktop.ui.common;

import edu.sevenp.desktop.learning.LearningException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a view model's work runs: slow work on {@code background}, property updates on {@code ui} (the
 * JavaFX thread). Tests pass {@link #sameThread()} so that every step happens before the call returns.
 */
public record UiExecutors(Executor background, Executor ui) {

    private static final Logger LOG = LoggerFactory.getLogger(UiExecutors.class);

    public UiExecutors {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    public static UiExecutors sameThread() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /**
     * Runs {@code work} in the background, then hands its result to {@code onResult}, or its failure to
     * {@code onFailure}, on the UI thread. Failures are logged with their stack trace here, once; a
     * {@link LearningException} (a refusal meant for the learner) is logged without one.
     */
    public <T> void load(Supplier<T> work, Consumer<T> onResult, Consumer<RuntimeException> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (LearningException e) {
                // A refusal written for the learner (bad input, gone meanwhile): expected, so no stack trace.
                LOG.info("Refused: {}", e.getMessage());
                ui.execute(() -> onFailure.accept(e));
                return;
            } catch (RuntimeException e) {
                LOG.error("Background work failed", e);
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onResult.accept(result));
        });
    }
}
