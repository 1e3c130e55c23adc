package edu.sevenp.desktop.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log in the data folder, where a failure's details go, and how to open it with the computer's own program. An
 * error banner or message offers it through {@link #link} ("Open log"); the opener is injected, so a test records
 * the call instead of starting a program.
 *
 * @param file the log file, or null when the player writes none (tests, windows built without a launcher)
 */
public record ProblemLog(Path file, Opener opener) {


    /** Shows a file with the computer's program for it (a text editor, or the file manager). */
    @FunctionalInterface
    public interface Opener {

        /** @throws IOException when no program could be started */
        void open(Path file) throws IOException;
    }

    public ProblemLog {
        Objects.requireNonNull(opener, "opener");
    }

    /** The log file's place in a data folder: {@code <data folder>/logs/player.log}. */
    public static Path fileIn(Path dataFolder) {
        return dataFolder.resolve("logs").resolve("player.log");
    }

    /** The log of the data folder {@code dataFolder} (null: none). */
    public static ProblemLog inDataFolder(Path dataFolder, Opener opener) {
        return new ProblemLog(dataFolder == null ? null : fileIn(dataFolder), opener);
    }

    /** No log to open: its links stay hidden. */
    public static ProblemLog none() {
        return new ProblemLog(null, file -> {
        });
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(file);
    }

    /** Opens the log; false when there is none, or no program could open it (that is logged). */
    public boolean open() {
        if (file == null) {
            return false;
        }
        try {
            opener.open(file);
            return true;
        } catch (IOException | RuntimeException e) {
            log().warn("The log {} could not be opened", file, e);
            return false;
        }
    }

    /**
     * An "Open log" link for an error banner or message, shown while {@code showing} holds and there is a log:
     * reachable with Tab, pressed with Enter or Space, with an accessible name that says what it opens. Make one per
     * place it shows.
     */
    public Hyperlink link(ObservableBooleanValue showing) {
        Objects.requireNonNull(showing, "showing");
        Messages messages = Messages.of(ProblemLog.class);
        Hyperlink link = new Hyperlink(messages.get("log.open"));
        link.getStyleClass().add("open-log");
        link.setAccessibleRole(AccessibleRole.HYPERLINK);
        link.setAccessibleText(messages.get("log.open.accessible"));
        link.setMnemonicParsing(false);
        link.setFocusTraversable(true);
        link.setMinWidth(Region.USE_PREF_SIZE);
        link.visibleProperty().bind(Bindings.createBooleanBinding(() -> file != null && showing.get(), showing));
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(event -> {
            open();
            // A link keeps its "visited" look; this one is there again for the next failure.
            link.setVisited(false);
        });
        return link;
    }

    /**
     * Puts an "Open log" link right after {@code banner} in its pane (on the next line of a VBox), shown while the
     * banner is. Its id is the banner's with {@code OpenLog} after it ({@code errorBannerOpenLog}).
     */
    public Hyperlink offerAfter(Node banner) {
        return offerAfter(banner, banner.visibleProperty());
    }

    /**
     * As {@link #offerAfter(Node)}, for a line that tells of successes too ("Download started"): the link shows while
     * {@code failed} holds and the line shows.
     */
    public Hyperlink offerAfter(Node banner, ObservableBooleanValue failed) {
        if (!(banner.getParent() instanceof Pane pane)) {
            throw new IllegalArgumentException("the banner " + banner.getId() + " is in no pane");
        }
        Hyperlink link = link(Bindings.createBooleanBinding(() -> failed.get() && banner.isVisible(), failed,
                banner.visibleProperty()));
        link.setId((banner.getId() == null ? "banner" : banner.getId()) + "OpenLog");
        pane.getChildren().add(pane.getChildren().indexOf(banner) + 1, link);
        return link;
    }

    /**
     * Made when first needed, never as the class loads: the launcher asks {@link #fileIn} where the log goes before
     * it points the logger there, and the first logger made fixes the logger's output for good.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ProblemLog.class);
    }
}
