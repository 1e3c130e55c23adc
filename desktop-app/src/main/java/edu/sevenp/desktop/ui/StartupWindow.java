package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.StartupViewModel.Phase;
import edu.sevenp.desktop.ui.common.Messages;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's one stage: shown at once with the profile screen (or, for a profile named on the command line, the
 * start-up view), it takes the player window's content when the profile has opened, or shows why it could not. The
 * player can hand it back (signing out with the profile's data removed): the profile screen shows again. Create and
 * use it on the JavaFX thread.
 */
public final class StartupWindow {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWindow.class);
    /** The smallest window the player's layout is made for. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 520;

    private final Stage stage;
    /** The stage's scene: a new one each time the profile screen comes back, so no player's keys stay behind. */
    private Scene scene;
    /** The profile screen and the opening view; made when first needed (a start straight into a profile may not). */
    private StartupView view;
    /** The scene's root: the institution's banner over what the window shows (the profile screen, the player). */
    private final BorderPane frame = new BorderPane();
    private final StartupViewModel model;
    private final Function<PlayerServices, PlayerWindow> windowFactory;
    private final long startedAt;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Messages messages = Messages.of(StartupWindow.class);
    private PlayerWindow window;
    /** The window's bounds when last neither maximised nor minimised: what reopening restores. */
    private Rectangle2D normalBounds;
    /** Where the window opens: applied before showing, and again once shown. */
    private WindowPlacement opening;

    /** A window at the default place that remembers nothing. */
    public StartupWindow(Stage stage, StartupViewModel model, Function<PlayerServices, PlayerWindow> windowFactory,
            long startedAt) {
        this(stage, model, windowFactory, startedAt, null, placement -> {
        });
    }

    /**
     * @param windowFactory builds the player window over the opened profile
     * @param startedAt {@link System#nanoTime()} when the program started, for the start-up times in the log
     * @param saved where the learner left the window last time (may be null); fitted to today's screens
     * @param keep takes the window's placement when it closes
     */
    public StartupWindow(Stage stage, StartupViewModel model, Function<PlayerServices, PlayerWindow> windowFactory,
            long startedAt, WindowPlacement saved, Consumer<WindowPlacement> keep) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.model = Objects.requireNonNull(model, "model");
        this.windowFactory = Objects.requireNonNull(windowFactory, "windowFactory");
        this.startedAt = startedAt;
        Objects.requireNonNull(keep, "keep");
        WindowPlacement placement = WindowPlacement.fit(saved,
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), Screen.getPrimary().getVisualBounds(),
                MIN_WIDTH, MIN_HEIGHT);
        LOG.info("window placement saved={} screens={} chosen={}", saved,
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), placement);
        opening = placement;
        frame.setTop(new InstitutionBanner(model.notices(), model.problemLog()).root());
        scene = new Scene(frame, placement.width(), placement.height());
        // A stage shown before (tests reuse theirs) may still follow another window's title.
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("window.title"));
        stage.setScene(scene);
        place(placement);
        stage.iconifiedProperty().addListener((property, old, iconified) -> {
            if (window != null) {
                window.windowHidden(iconified);
            }
        });
        // A graded quiz attempt in progress is not closed without a question; confirming it closes the window.
        stage.setOnCloseRequest(event -> {
            if (window != null && !window.mayClose(stage::close)) {
                event.consume();
            }
        });
        stage.setOnHidden(event -> {
            if (closed.isDone()) {
                return; // once: a stage shown again (tests reuse theirs) may still carry this handler
            }
            keep.accept(placement());
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

    private void place(WindowPlacement placement) {
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        if (placement.maximized()) {
            // Only when true: an unmaximize before the first show made GTK open the window at a default 200×200
            // under a window manager, whatever size it was given (seen under openbox).
            stage.setMaximized(true);
        }
        normalBounds = new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height());
        javafx.beans.InvalidationListener track = bounds -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
    }

    /** Where the window is now, as reopening should restore it. */
    public WindowPlacement placement() {
        return new WindowPlacement(normalBounds.getMinX(), normalBounds.getMinY(), normalBounds.getWidth(),
                normalBounds.getHeight(), stage.isMaximized());
    }

    /** Shows the profile screen (or the opening view, or why a profile could not open) in the window. */
    private void showStartupView() {
        if (view == null) {
            view = new StartupView(model, stage::close);
        }
        frame.setCenter(view.root());
        view.installShortcuts(scene);
        if (model.phaseProperty().get() == Phase.FAILED) {
            view.closeButton().requestFocus();
        }
    }

    /**
     * Shows the window and starts opening the profile. A profile named at start may be open before the window's first
     * frame (it opens from the launcher's first moments, ProfileHeadStart): the opening view is made only if the player
     * is not there by the time the events already queued have run.
     */
    public void show() {
        if (model.requestedProfile() == null) {
            showStartupView();
        }
        stage.show();
        // Again once shown: under a window manager (openbox, GTK) the size given before showing was not applied, and
        // the window opened at its minimum (898×495 before there was a placement at all).
        if (!stage.isMaximized()) {
            stage.setX(opening.x());
            stage.setY(opening.y());
            stage.setWidth(opening.width());
            stage.setHeight(opening.height());
        }
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        LOG.info("Window shown {} ms after start at {}x{}", sinceStart(), stage.getWidth(), stage.getHeight());
        model.start();
        if (view == null) {
            Platform.runLater(() -> {
                if (window == null && view == null) {
                    showStartupView();
                }
            });
        }
    }

    private void showPlayer(PlayerServices services) {
        long building = sinceStart();
        window = windowFactory.apply(services);
        LOG.info("Player window built {} ms after start (in {} ms)", sinceStart(), sinceStart() - building);
        window.setOnLeave(this::leavePlayer);
        window.showProfile(model.profileProperty().get());
        frame.setCenter(window.root());
        window.installShortcuts(scene);
        stage.titleProperty().bind(window.player().courseTitleProperty()
                .map(course -> messages.format("window.titleWithCourse", course)));
        window.player().shownLessonProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable shown) {
                LOG.info("First lesson shown {} ms after start", sinceStart());
                shown.removeListener(this);
            }
        });
        // WebKit loads after the first lesson has been drawn (ui.player.LessonSurface); the window system shows the frame
        // a little later (docs/benchmarks.md measures that from outside).
        window.view().lessonDrawnProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable drawn) {
                LOG.info("First lesson drawn {} ms after start", sinceStart());
                drawn.removeListener(this);
            }
        });
        window.view().pageLoadedProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable loaded) {
                LOG.info("First lesson page loaded {} ms after start", sinceStart());
                loaded.removeListener(this);
            }
        });
        window.start();
        Runnable[] laidOut = new Runnable[1];
        laidOut[0] = () -> {
            scene.removePostLayoutPulseListener(laidOut[0]);
            LOG.info("Player window laid out {} ms after start", sinceStart());
        };
        scene.addPostLayoutPulseListener(laidOut[0]);
        window.reportStudyTimeEvery(PlayerWindow.STUDY_REPORT_PERIOD);
    }

    /**
     * The player hands the window back: it closes (its last writes queue on the background executor), the profile
     * closes after them (and is removed when asked), and the profile screen shows again, in a scene of its own.
     */
    private void leavePlayer(boolean removeProfile, String message) {
        PlayerWindow leaving = window;
        if (leaving == null) {
            return;
        }
        window = null;
        leaving.close();
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("window.title"));
        scene.setRoot(new Group());
        Scene fresh = new Scene(frame, scene.getWidth(), scene.getHeight());
        scene = fresh;
        stage.setScene(fresh);
        showStartupView();
        model.leave(removeProfile, message);
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
