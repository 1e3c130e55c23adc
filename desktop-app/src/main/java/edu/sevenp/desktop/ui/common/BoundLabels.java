package edu.sevenp.desktop.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;

/** Labels that say a view model's text, made and bound the same way in every view. */
public final class BoundLabels {

    private BoundLabels() {
    }

    /** A label with this id that says the text, wrapping it over the whole width it is given. */
    public static Label wrapping(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(text);
        return label;
    }

    /** Like {@link #wrapping}, but the label takes no room while it has nothing to say. */
    public static Label optional(String id, ObservableStringValue text) {
        Label label = wrapping(id, text);
        hiddenWhileEmpty(label);
        return label;
    }

    /** Makes the label say the text, and take no room while the text is empty. */
    public static void sayOrHide(Labeled label, ObservableStringValue text) {
        label.textProperty().bind(text);
        hiddenWhileEmpty(label);
    }

    /** Hides the label, taking no room, while its text is empty. */
    public static void hiddenWhileEmpty(Labeled label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
