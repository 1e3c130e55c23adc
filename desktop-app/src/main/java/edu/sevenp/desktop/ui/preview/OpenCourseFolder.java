package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.coursepackage.template.CourseTemplate;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@link PreviewWindow} beside it, over a store of its own; the learner's profile is not touched. "New course…" beside
 * it writes a new course into an empty folder first.
 */
public final class OpenCourseFolder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCourseFolder.class);
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final Function<Path, PreviewSource> opener;
    private final Settings started;
    private final Publisher publisher;
    private final Messages messages = Messages.of(OpenCourseFolder.class);

    /**
     * @param opener opens a package for preview (makes its store: called off the JavaFX thread)
     * @param started what previews start with: the learner's settings, in memory (a change in a preview is not kept)
     */
    public OpenCourseFolder(Function<Path, PreviewSource> opener, Settings started) {
        this(opener, started, Publisher.withoutProfile());
    }

    /** @param publisher publishes a previewed course as the learner's window's signed-in account */
    public OpenCourseFolder(Function<Path, PreviewSource> opener, Settings started, Publisher publisher) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.started = Objects.requireNonNull(started, "started");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Adds the button to {@code window}'s header, and its key once the window is in a scene. */
    public void addTo(PlayerWindow window) {
        Button open = new Button(messages.get("open.button"));
        open.setId("openCourseFolderButton");
        open.setMnemonicParsing(false);
        open.setTooltip(new Tooltip(messages.get("open.tooltip")));
        open.setOnAction(event -> choose(open.getScene().getWindow()));
        window.view().addHeaderAction(open);
        Button create = new Button(messages.get("new.button"));
        create.setId("newCourseButton");
        create.setMnemonicParsing(false);
        create.setTooltip(new Tooltip(messages.get("new.tooltip")));
        create.setOnAction(event -> chooseNew(create.getScene().getWindow()));
        window.view().addHeaderAction(create);
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

    /** Asks for an empty folder, writes a new course into it and previews it. */
    public void chooseNew(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("new.chooser"));
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            create(chosen.toPath(), owner);
        }
    }

    /**
     * Writes a new course ({@link CourseTemplate}, as {@code --new-course} does) into {@code folder}, which must be new
     * or empty, off the JavaFX thread, then opens it in a preview window. Completes with the window once it shows.
     */
    public CompletableFuture<PreviewWindow> create(Path folder, Window owner) {
        return CompletableFuture.runAsync(() -> {
            try {
                new CourseTemplate(JsonMapperFactory.create()).write(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, OpenCourseFolder::inBackground).whenComplete((written, failure) -> {
            if (failure != null) {
                LOG.error("No course was written to {}", folder, failure);
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                Platform.runLater(() -> alert(messages.format("new.failed", String.valueOf(cause.getMessage())), owner));
            }
        }).thenCompose(written -> open(folder, owner));
    }

    private static void inBackground(Runnable runnable) {
        Thread opening = new Thread(runnable, "preview-open");
        opening.setDaemon(true);
        opening.start();
    }

    /**
     * Opens {@code location} (a package folder or {@code .zip}) in a new preview window beside {@code owner}; its store
     * is made off the JavaFX thread. Completes with the window once it shows.
     */
    public CompletableFuture<PreviewWindow> open(Path location, Window owner) {
        return CompletableFuture.supplyAsync(() -> opener.apply(location), OpenCourseFolder::inBackground).thenApplyAsync(source -> {
            Stage stage = new Stage();
            if (owner != null) {
                // Beside the learner's window, not over it.
                stage.setX(owner.getX() + 40);
                stage.setY(owner.getY() + 40);
            }
            PreviewWindow preview = new PreviewWindow(stage, source, SettingsContext.inMemory(started), publisher);
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
        alert(messages.format("open.failed", String.valueOf(cause.getMessage())), owner);
    }

    private static void alert(String text, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.initOwner(owner);
        alert.show();
    }
}
