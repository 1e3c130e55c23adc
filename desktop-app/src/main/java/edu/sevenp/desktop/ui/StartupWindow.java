package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.StartupViewModel.Phase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's one stage: shown at once with the start-up view, it takes the player window's content
 * when the profile has opened, or shows why it could not. Create and use it on the JavaFX thread.
 */
public final class StartupWindow {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWindow.class);

    private final Stage stage;
    private final Scene scene;
    private final StartupViewModel model;
    private final Function<PlayerServices, PlayerWindow> windowFactory;
    private final long startedAt;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private PlayerWindow window;

    /**
     * @param windowFactory builds the player window over the opened profile
     * @param startedAt {@link System#nanoTime()} when the program started, for the start-up times in the log
     */
    public StartupWindow(Stage stage, StartupViewModel model, Function<PlayerServices, PlayerWindow> windowFactory,
            long startedAt) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.model = Objects.requireNonNull(model, "model");
        this.windowFactory = Objects.requireNonNull(windowFactory, "windowFactory");
        this.startedAt = startedAt;
        StartupView view = new StartupView(model, stage::close);
        // 1280×800, or the screen's usable area when smaller: on a 1024×700 screen the status bar (the sync indicator)
        // must stay on it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(view.root(), Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        stage.setMinWidth(900);
        stage.setMinHeight(520);
        stage.setTitle("7P Course Player");
        stage.setScene(scene);
        stage.setOnHidden(event -> {
            if (window != null) {
                window.close();
            }
            closed.complete(null);
        });
        model.phaseProperty().addListener((property, old, phase) -> {
            if (phase == Phase.OPENED && stage.isShowing()) {
                showPlayer(model.opened().join());
            }
        });
    }

    /** Shows the window and starts opening the profile. */
    public void show() {
        stage.show();
        LOG.info("Window shown {} ms after start", sinceStart());
        model.start();
    }

    private void showPlayer(PlayerServices services) {
        window = windowFactory.apply(services);
        scene.setRoot(window.root());
        window.installShortcuts(scene);
        stage.titleProperty().bind(window.player().courseTitleProperty().concat(" — 7P Course Player"));
        window.player().shownLessonProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable shown) {
                LOG.info("First lesson shown {} ms after start", sinceStart());
                shown.removeListener(this);
            }
        });
        window.start();
        window.reportStudyTimeEvery(PlayerWindow.STUDY_REPORT_PERIOD);
    }

    private long sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
    }

    /** Completes once the learner has closed the window (and the player window has saved what it must). */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** The player window, once the profile has opened and it shows; null before. */
    public PlayerWindow playerWindow() {
        return window;
    }
}
