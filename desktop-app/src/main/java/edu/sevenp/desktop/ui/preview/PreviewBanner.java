package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The band above a preview's player: "Preview", the package's folder, that nothing done here is kept, whether the
 * lesson is up to date with the files, and in place, what is wrong with them when a change broke the package; and
 * the buttons that show the readiness report and publish the course.
 */
public final class PreviewBanner {

    /** Shows and hides the readiness panel. */
    public static final KeyCombination READINESS_SHORTCUT = new KeyCodeCombination(KeyCode.R,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Publishes the previewed course (Ctrl+Shift+P stays the profiles' key in the learner's window). */
    public static final KeyCombination PUBLISH_SHORTCUT = new KeyCodeCombination(KeyCode.U,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final VBox root = new VBox(2);
    private final ToggleButton readiness;

    /** @param publish starts publishing the previewed course */
    public PreviewBanner(PreviewViewModel model, Runnable publish) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(publish, "publish");
        Label heading = new Label();
        heading.setId("previewHeading");
        heading.getStyleClass().add("preview-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        Messages messages = Messages.of(PreviewBanner.class);
        readiness = new ToggleButton(messages.get("readiness.button"));
        readiness.setId("readinessButton");
        readiness.setMnemonicParsing(false);
        readiness.setTooltip(new Tooltip(messages.get("readiness.tooltip")));
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        Button publishButton = new Button(messages.get("publish.button"));
        publishButton.setId("publishButton");
        publishButton.setMnemonicParsing(false);
        publishButton.setTooltip(new Tooltip(messages.get("publish.tooltip")));
        publishButton.setOnAction(event -> publish.run());
        HBox top = new HBox(8, heading, readiness, publishButton);
        top.setAlignment(Pos.CENTER_LEFT);
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
        root.getChildren().addAll(top, state, problems);
    }

    /** Selected while the readiness panel shows. */
    public BooleanProperty readinessShownProperty() {
        return readiness.selectedProperty();
    }

    public Node root() {
        return root;
    }
}
