package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Open course folder…" in the learner's window (a header button, and Ctrl+Shift+O): a chosen package folder opens in a
 * {@link PreviewWindow} beside it, over a store of its own; the learner's profile is not touched.
 */
public final class OpenCourseFolder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCourseFolder.class);
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final Function<Path, PreviewSource> opener;
    private final Settings started;
    private final Messages messages = Messages.of(OpenCourseFolder.class);

    /**
     * @param opener opens a package for preview (makes its store: called off the JavaFX thread)
     * @param started what previews start with: the learner's settings, in memory (a change in a preview is not kept)
     */
    public OpenCourseFolder(Function<Path, PreviewSource> opener, Settings started) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.started = Objects.requireNonNull(started, "started");
    }

    /** Adds the button to {@code window}'s header, and its key once the window is in a scene. */
    public void addTo(PlayerWindow window) {
        Button open = new Button(messages.get("open.button"));
        open.setId("openCourseFolderButton");
        open.setMnemonicParsing(false);
        open.setTooltip(new Tooltip(messages.get("open.tooltip")));
        open.setOnAction(event -> choose(open.getScene().getWindow()));
        window.view().addHeaderAction(open);
        open.sceneProperty().addListener((property, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(SHORTCUT);
            }
            if (scene != null) {
                scene.getAccelerators().put(SHORTCUT, () -> choose(scene.getWindow()));
            }
        });
    }

    /** Asks for a package folder, then opens it in a preview window. */
    public void choose(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("open.chooser"));
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            open(chosen.toPath(), owner);
        }
    }

    /**
     * Opens {@code location} (a package folder or {@code .zip}) in a new preview window beside {@code owner}; its store
     * is made off the JavaFX thread. Completes with the window once it shows.
     */
    public CompletableFuture<PreviewWindow> open(Path location, Window owner) {
        return CompletableFuture.supplyAsync(() -> opener.apply(location), runnable -> {
            Thread opening = new Thread(runnable, "preview-open");
            opening.setDaemon(true);
            opening.start();
        }).thenApplyAsync(source -> {
            Stage stage = new Stage();
            if (owner != null) {
                // Beside the learner's window, not over it.
                stage.setX(owner.getX() + 40);
                stage.setY(owner.getY() + 40);
            }
            PreviewWindow preview = new PreviewWindow(stage, source, SettingsContext.inMemory(started));
            preview.show();
            return preview;
        }, Platform::runLater).whenComplete((preview, failure) -> {
            if (failure != null) {
                LOG.error("The preview of {} could not open", location, failure);
                Platform.runLater(() -> explain(failure, owner));
            }
        });
    }

    private void explain(Throwable failure, Window owner) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        Alert alert = new Alert(Alert.AlertType.ERROR, messages.format("open.failed", String.valueOf(cause.getMessage())));
        alert.initOwner(owner);
        alert.show();
    }
}
