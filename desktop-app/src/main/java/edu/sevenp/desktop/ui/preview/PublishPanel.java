package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.preview.PublishViewModel.Step;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Publishing beside the previewed course, in the readiness report's form: what is happening or the verdict in a
 * sentence, the confirmation (course, version, server; what changed, optional), the upload's progress with
 * <em>Cancel</em>, and the verdict's items. {@code Esc} cancels or closes.
 */
public final class PublishPanel {

    private final VBox root = new VBox(6);
    private final TextField summary = new TextField();

    public PublishPanel(PublishViewModel model) {
        Objects.requireNonNull(model, "model");
        Messages messages = Messages.of(PublishPanel.class);
        Label heading = new Label(messages.get("publish.heading"));
        heading.getStyleClass().add("readiness-heading");
        Label status = new Label();
        status.setId("publishStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        Label question = new Label();
        question.setId("publishQuestion");
        question.setWrapText(true);
        question.textProperty().bind(model.questionProperty());
        summary.setId("publishSummary");
        summary.setPromptText(messages.get("publish.summaryPrompt"));
        summary.textProperty().bindBidirectional(model.summaryProperty());
        summary.setOnAction(event -> model.confirm());
        Button confirm = new Button(messages.get("publish.confirm"));
        confirm.setId("publishConfirmButton");
        confirm.setOnAction(event -> model.confirm());
        Button notNow = new Button(messages.get("publish.cancel"));
        notNow.setId("publishCancelButton");
        notNow.setOnAction(event -> model.cancel());
        VBox confirmation = new VBox(6, question, summary, new HBox(8, confirm, notNow));
        confirmation.setId("publishConfirm");
        show(confirmation, model.stepProperty().isEqualTo(Step.CONFIRM));

        ProgressBar bar = new ProgressBar();
        bar.setId("publishProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        // Packing a folder has no bytes to count yet.
        bar.progressProperty().bind(Bindings.when(model.stepProperty().isEqualTo(Step.PACKING))
                .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(model.progressProperty()));
        Label sent = new Label();
        sent.setId("publishSent");
        sent.textProperty().bind(model.sentProperty());
        Button stop = new Button(messages.get("publish.cancel"));
        stop.setId("publishStopButton");
        stop.setOnAction(event -> model.cancel());
        HBox.setHgrow(sent, Priority.ALWAYS);
        sent.setMaxWidth(Double.MAX_VALUE);
        HBox sentRow = new HBox(8, sent, stop);
        sentRow.setAlignment(Pos.CENTER_LEFT);
        VBox upload = new VBox(4, bar, sentRow);
        upload.setId("publishUpload");
        BooleanBinding uploading = model.stepProperty().isEqualTo(Step.PACKING)
                .or(model.stepProperty().isEqualTo(Step.UPLOADING)).or(model.stepProperty().isEqualTo(Step.WAITING));
        // What was sent stays in sight with the verdict; Cancel only while there is something to stop.
        show(upload, uploading.or(model.sentProperty().isNotEmpty().and(model.stepProperty().isNotEqualTo(Step.IDLE))));
        show(stop, uploading);

        ListView<PublishViewModel.Line> list = new ListView<>(model.lines());
        list.setId("publishList");
        // Errors in the readiness report's colour.
        list.setCellFactory(view -> new ReportLineCell<>(PublishViewModel.Line::text,
                line -> line.error() ? Optional.of("readiness-error") : Optional.empty()));
        VBox.setVgrow(list, Priority.ALWAYS);
        show(list, Bindings.isNotEmpty(model.lines()));

        Button close = new Button(messages.get("publish.close"));
        close.setId("publishCloseButton");
        close.setOnAction(event -> model.close());
        show(close, uploading.not().and(model.stepProperty().isNotEqualTo(Step.CONFIRM))
                .and(model.stepProperty().isNotEqualTo(Step.CHECKING)));

        root.setId("publishPanel");
        root.getStyleClass().add("readiness-panel");
        root.setPrefWidth(420);
        root.getStylesheets().add(Objects.requireNonNull(PublishPanel.class.getResource("preview.css"),
                "preview.css").toExternalForm());
        root.getChildren().addAll(heading, status, confirmation, upload, list, close);
        // A filter: the summary field would take Esc for itself.
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                if (model.stepProperty().get().busy() || model.stepProperty().get() == Step.CONFIRM) {
                    model.cancel();
                } else {
                    model.close();
                }
                event.consume();
            }
        });
        // The question takes the focus, so that Enter publishes and Esc does not.
        model.stepProperty().addListener((property, old, now) -> {
            if (now == Step.CONFIRM) {
                summary.requestFocus();
            } else if (now == Step.UPLOADING && old != Step.UPLOADING) {
                stop.requestFocus();
            } else if (!now.busy() && now != Step.IDLE && old.busy()) {
                close.requestFocus();
            }
        });
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    public Node root() {
        return root;
    }
}
