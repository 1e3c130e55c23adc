package edu.sevenp.desktop.ui.preview;

import edu.sevenp.coursepackage.readiness.Severity;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.model.LessonId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The readiness report beside the previewed course: a summary, the items (errors first) and the totals. Choosing an
 * item that belongs to a lesson (Enter or a double click) opens that lesson in the preview's player.
 */
public final class ReadinessPanel {

    private final VBox root = new VBox(6);
    private final ListView<ReadinessViewModel.Line> list;

    /** @param open told of the lesson of the item chosen */
    public ReadinessPanel(ReadinessViewModel model, Consumer<LessonId> open) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(open, "open");
        Messages messages = Messages.of(ReadinessPanel.class);
        Label heading = new Label(messages.get("readiness.heading"));
        heading.getStyleClass().add("readiness-heading");
        Label summary = new Label();
        summary.setId("readinessSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        list = new ListView<>(model.lines());
        list.setId("readinessList");
        // Errors and warnings each in their own colour.
        list.setCellFactory(view -> new ReportLineCell<>(ReadinessViewModel.Line::text,
                line -> Optional.of(line.severity() == Severity.ERROR ? "readiness-error" : "readiness-warning")));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label totals = new Label();
        totals.setId("readinessTotals");
        totals.setWrapText(true);
        totals.textProperty().bind(model.totalsProperty());
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                choose(open);
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                choose(open);
            }
        });
        root.setId("readinessPanel");
        root.getStyleClass().add("readiness-panel");
        root.setPrefWidth(420);
        root.getStylesheets().add(Objects.requireNonNull(ReadinessPanel.class.getResource("preview.css"),
                "preview.css").toExternalForm());
        root.getChildren().addAll(heading, summary, list, totals);
    }

    private void choose(Consumer<LessonId> open) {
        ReadinessViewModel.Line chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            chosen.lesson().ifPresent(open);
        }
    }

    public Node root() {
        return root;
    }
}
