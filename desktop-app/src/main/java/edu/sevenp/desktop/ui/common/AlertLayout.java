package edu.sevenp.desktop.ui.common;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;

/**
 * Makes a JavaFX {@link Alert} readable at any text size. As built, a long header makes the dialog as wide as the
 * header (wider than the screen at 200 % text), and the button bar fixes its buttons' width from the font they had
 * before {@link Appearance} enlarged it, so that they show "Abb…". Here the dialog's width is given in em (it grows
 * with the text, and the header and text wrap within it) and each button keeps the width its words need.
 */
public final class AlertLayout {

    /** Wide enough for a question on one or two lines; at 200 % text (26px) 936px, within a 1024px screen. */
    private static final String WIDTH = "-fx-pref-width: 36em; -fx-max-width: 36em;";

    private AlertLayout() {
    }

    /** Applies the layout to {@code alert}; call it once its buttons are set. Returns it, for chaining. */
    public static Alert fitted(Alert alert) {
        DialogPane pane = Objects.requireNonNull(alert, "alert").getDialogPane();
        // Appearance keeps the root's other style declarations when it sets the font size: this one stays.
        String style = pane.getStyle() == null ? "" : pane.getStyle().strip();
        pane.setStyle(style.isEmpty() ? WIDTH : style + " " + WIDTH);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        for (var type : pane.getButtonTypes()) {
            Node button = pane.lookupButton(type);
            if (button != null) {
                ButtonBar.setButtonUniformSize(button, false);
                if (button instanceof Region region) {
                    region.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }
        return alert;
    }
}
