package edu.sevenp.desktop.ui.preview;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The band above a preview's player: "Preview", the package's folder, that nothing done here is kept, whether the
 * lesson is up to date with the files, and in place, what is wrong with them when a change broke the package.
 */
public final class PreviewBanner {

    private final VBox root = new VBox(2);

    public PreviewBanner(PreviewViewModel model) {
        Objects.requireNonNull(model, "model");
        Label heading = new Label();
        heading.setId("previewHeading");
        heading.getStyleClass().add("preview-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        Label state = new Label();
        state.setId("previewState");
        state.getStyleClass().add("preview-state");
        state.textProperty().bind(model.stateProperty());
        Label problems = new Label();
        problems.setId("previewProblems");
        problems.getStyleClass().add("preview-problems");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.hasProblemsProperty());
        problems.managedProperty().bind(model.hasProblemsProperty());
        root.setId("previewBanner");
        root.getStyleClass().add("preview-banner");
        root.getStylesheets().add(Objects.requireNonNull(PreviewBanner.class.getResource("preview.css"),
                "preview.css").toExternalForm());
        root.getChildren().addAll(heading, state, problems);
    }

    public Node root() {
        return root;
    }
}
