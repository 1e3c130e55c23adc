package edu.sevenp.desktop.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;

/**
 * Loads a view's FXML layout beside its class, with the view itself as the controller and the words of the view's
 * package ({@link Messages}) as its resources, so that the layout's texts are {@code %key}s.
 */
public final class FxmlLayout {

    private FxmlLayout() {
    }

    /** Loads {@code <ViewClass>.fxml} into {@code view}'s {@code @FXML} fields, then calls its {@code initialize}. */
    public static void load(Object view) {
        load(view, null);
    }

    /** As {@link #load(Object)}, with {@code %key} texts of the layout taken from {@code bundle}. */
    public static void load(Object view, ResourceBundle bundle) {
        Objects.requireNonNull(view, "view");
        String resource = view.getClass().getSimpleName() + ".fxml";
        URL layout = view.getClass().getResource(resource);
        if (layout == null) {
            throw new IllegalStateException("The layout " + resource + " is missing beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(layout, bundle);
        loader.setController(view);
        // Packages not yet translated have no bundle; their layouts have no %key either.
        loader.setResources(Messages.bundleOrNull(view.getClass()));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the layout " + resource, e);
        }
    }
}
