package edu.sevenp.desktop.ui.search;

import java.time.Duration;
import java.util.Objects;
import javafx.animation.PauseTransition;

/** {@link UiScheduler} on the JavaFX animation timer: call it on the FX thread, the task runs there too. */
public final class FxUiScheduler implements UiScheduler {

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> task.run());
        pause.play();
        return pause::stop;
    }
}
