package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.preview.PackageWatcher;
import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.StartupWindow;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A course package shown in the learner's own player window, the same views, under a {@link PreviewBanner}, over the
 * preview's throw-away store; it follows the package's files ({@link PreviewSource#watch}) and reloads the lesson
 * shown, where it was scrolled to. It never syncs: the sync indicator gives way to "Preview — not synced", and the
 * keys of sync, the account, the catalog and the profiles do nothing here. Closing deletes the store, after the
 * window's last writes. Create and use it on the JavaFX thread.
 */
public final class PreviewWindow {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewWindow.class);
    /** The window keys that reach a server or the profiles; a preview has neither. */
    private static final List<KeyCombination> NOT_IN_A_PREVIEW = List.of(
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));

    /** The learner's window's first size (StartupWindow): a preview opens as a learner's would. */
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final Stage stage;
    private final PreviewSource source;
    /** The preview's own: its last writes drain before its store is deleted, whatever other windows queue. */
    private final ExecutorService background;
    private final PlayerWindow window;
    private final PreviewViewModel model;
    /** Its own thread: an upload of minutes must not hold up the player's reloads and writes. */
    private final ExecutorService publishing;
    private final PublishViewModel publish;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Messages messages = Messages.of(PreviewWindow.class);
    private PackageWatcher watcher;
    private boolean started;
    /** The course of the last load that worked. */
    private CourseId course;
    /** Set (on the JavaFX thread) once the window has closed. */
    private boolean closing;

    /**
     * A preview with no profile behind it ({@code --preview}): it checks the course, but has no account to publish as.
     *
     * @param settings the settings the preview starts with; changed in the preview, they are not kept
     */
    public PreviewWindow(Stage stage, PreviewSource source, SettingsContext settings) {
        this(stage, source, settings, Publisher.withoutProfile());
    }

    /**
     * @param settings the settings the preview starts with; changed in the preview, they are not kept
     * @param publisher publishes the course as the signed-in account of the profile whose window opened the preview
     */
    public PreviewWindow(Stage stage, PreviewSource source, SettingsContext settings, Publisher publisher) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.source = Objects.requireNonNull(source, "source");
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "preview-background");
            thread.setDaemon(true);
            return thread;
        });
        // Work that finishes after the window closed (a reload of the last save) has no window left to show in.
        Executor ui = runnable -> Platform.runLater(() -> {
            if (!closing) {
                runnable.run();
            }
        });
        UiExecutors executors = new UiExecutors(background, ui);
        publishing = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "preview-publish");
            thread.setDaemon(true);
            return thread;
        });
        publish = new PublishViewModel(Objects.requireNonNull(publisher, "publisher"), source.location(),
                new UiExecutors(publishing, ui));
        PlayerServices services = source.services();
        window = new PlayerWindow(services.learning(), services.library(), services.search(), services.sync(),
                services.downloads(), services.imports(), executors, Clock.systemUTC(), ZoneId.systemDefault(),
                services.preferredCourse(), settings);
        model = new PreviewViewModel(source, executors, Clock.systemUTC(), ZoneId.systemDefault(), this::loaded);
        hideSync();
        BorderPane root = new BorderPane(window.root());
        PreviewBanner banner = new PreviewBanner(model, publish::publish);
        root.setTop(banner.root());
        Node readiness = new ReadinessPanel(model.readiness(), this::openLesson).root();
        readiness.visibleProperty().bind(banner.readinessShownProperty());
        readiness.managedProperty().bind(banner.readinessShownProperty());
        Node publishPanel = new PublishPanel(publish).root();
        publishPanel.visibleProperty().bind(publish.shownProperty());
        publishPanel.managedProperty().bind(publish.shownProperty());
        VBox.setVgrow(readiness, Priority.ALWAYS);
        VBox.setVgrow(publishPanel, Priority.ALWAYS);
        root.setRight(new VBox(readiness, publishPanel));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        window.installShortcuts(scene);
        NOT_IN_A_PREVIEW.forEach(scene.getAccelerators()::remove);
        scene.getAccelerators().put(PreviewBanner.PUBLISH_SHORTCUT, publish::publish);
        scene.getAccelerators().put(PreviewBanner.READINESS_SHORTCUT,
                () -> banner.readinessShownProperty().set(!banner.readinessShownProperty().get()));
        stage.titleProperty().unbind();
        stage.setTitle(messages.format("window.title", source.location().getFileName()));
        stage.setScene(scene);
        stage.setMinWidth(StartupWindow.MIN_WIDTH);
        stage.setMinHeight(StartupWindow.MIN_HEIGHT);
        // A graded quiz attempt in progress is not closed without a question, as in the learner's window.
        stage.setOnCloseRequest(event -> {
            if (!window.mayClose(stage::close)) {
                event.consume();
            }
        });
        stage.setOnHidden(event -> closeOnce());
    }

    private void hideSync() {
        Node indicator = window.root().lookup("#syncIndicator");
        if (indicator != null) {
            indicator.setVisible(false);
            indicator.setManaged(false);
        }
        Label notSynced = new Label(messages.get("status.notSynced"));
        notSynced.setId("previewNotSynced");
        notSynced.getStyleClass().add("preview-not-synced");
        notSynced.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        notSynced.setTooltip(new Tooltip(messages.get("status.notSynced.tooltip")));
        window.view().addStatusAction(notSynced);
    }

    /** Shows the window, reads the package and follows its files. */
    public void show() {
        stage.show();
        // Again once shown: under a window manager the size given before showing is not applied (see StartupWindow).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        model.load();
        try {
            watcher = source.watch(model::changed);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot watch {}", source.location(), e);
            model.notWatching(String.valueOf(e.getMessage()));
        }
    }

    /** The first load starts the player on its course; each later one reloads the lesson shown, where it was read. */
    private void loaded(CourseId course) {
        this.course = course;
        if (!started) {
            started = true;
            window.start();
            window.reportStudyTimeEvery(PlayerWindow.STUDY_REPORT_PERIOD);
            return;
        }
        double position = window.view().readingPosition();
        window.player().reload(course, Double.isNaN(position) ? 0 : position);
    }

    /** A readiness item's lesson, in the course last loaded (none before the first load worked). */
    private void openLesson(LessonId lesson) {
        if (course != null) {
            window.player().openLesson(course, lesson);
        }
    }

    private void closeOnce() {
        if (closed.isDone() || background.isShutdown()) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        // An upload under way stops: closing the preview publishes nothing more.
        publish.close();
        publishing.shutdown();
        window.close();
        closing = true;
        // After the window's last writes, queued on the same thread: then the store goes, with everything in it.
        background.execute(() -> {
            try {
                source.close();
                closed.complete(null);
            } catch (RuntimeException e) {
                LOG.error("The preview of {} did not close cleanly", source.location(), e);
                closed.completeExceptionally(e);
            }
        });
        background.shutdown();
    }

    /** Closes the window as its close button does (a graded attempt in progress asks first). */
    public void close() {
        if (window.mayClose(stage::close)) {
            stage.close();
        }
    }

    /** Completes once the window has closed and the preview's store is deleted. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public PlayerWindow playerWindow() {
        return window;
    }

    public PreviewViewModel preview() {
        return model;
    }

    public PublishViewModel publishing() {
        return publish;
    }

    public Stage stage() {
        return stage;
    }
}
