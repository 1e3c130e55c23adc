package edu.sevenp.desktop.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A course's row in a list (catalog, library): its title over its description and whatever lines the list adds
 * below. The row is as wide as its list, so long titles and lines wrap (large text, German) rather than run off it.
 */
public final class CourseCard {

    /** What the list keeps beside a row: its scroll bar and the cell's padding. */
    private static final double LIST_GUTTER = 40;

    private final Label title = new Label();
    private final Label description = new Label();
    private final VBox box;

    public CourseCard(Node... below) {
        title.getStyleClass().add("course-title");
        description.getStyleClass().add("course-description");
        title.setWrapText(true);
        description.setWrapText(true);
        box = new VBox(3, title, description);
        box.getChildren().addAll(below);
        box.getStyleClass().add("course-cell");
        VBox.setVgrow(description, Priority.NEVER);
    }

    /** The row, for the cell's graphic. */
    public VBox node() {
        return box;
    }

    /** Shows a course's title and description (none takes no room), the row as wide as the cell's list. */
    public void show(ListCell<?> cell, String titleText, String descriptionText) {
        title.setText(titleText);
        description.setText(descriptionText);
        description.setVisible(!descriptionText.isEmpty());
        description.setManaged(description.isVisible());
        // The list is known only once the cell is in it; bound once, the row follows the list's width from then on.
        if (!box.prefWidthProperty().isBound()) {
            box.prefWidthProperty().bind(cell.getListView().widthProperty().subtract(LIST_GUTTER));
            box.maxWidthProperty().bind(box.prefWidthProperty());
        }
    }
}
