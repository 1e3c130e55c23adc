package edu.sevenp.desktop.ui;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --startup-training}, for packaging: a window start that ends by itself once the first lesson's page has loaded
 * and the window has settled, so that the build can list the classes a real start loads for the class-data-sharing
 * archive (docs/installing.md). Without a lesson page within its limit, it closes the windows anyway.
 */
public final class StartupTraining {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTraining.class);

    private final Duration limit;
    private final Duration settling;
    private volatile boolean lessonLoaded;

    /**
     * @param limit how long the first lesson's page may take from {@link #startClock()}
     * @param settling how long the window stays open after it: a running animation keeps pulses coming, so the layout,
     *        CSS and painting of a settled window have their classes loaded too
     */
    public StartupTraining(Duration limit, Duration settling) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.settling = Objects.requireNonNull(settling, "settling");
    }

    /** Starts the limit's clock; past it without a lesson page, every window closes (on the JavaFX thread). */
    public void startClock() {
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!lessonLoaded) {
                LOG.warn("Startup training: no lesson page loaded within {} s; closing the window", limit.toSeconds());
                Platform.runLater(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
            }
        });
    }

    /** Watches a player window before it shows (the launcher's extension hook): closes it once trained. */
    public void watch(PlayerWindow window) {
        window.view().pageLoadedProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable loaded) {
                loaded.removeListener(this);
                lessonLoaded = true;
                LOG.info("Startup training: first lesson page loaded; closing the window in {} ms", settling.toMillis());
                PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(settling.toMillis()));
                // Closing the stage as the learner's close button would (without its question about a running quiz).
                settle.setOnFinished(event -> window.root().getScene().getWindow().hide());
                settle.play();
            }
        });
    }

    /** Whether the first lesson's page loaded (then the window closed by itself). */
    public boolean lessonLoaded() {
        return lessonLoaded;
    }
}
