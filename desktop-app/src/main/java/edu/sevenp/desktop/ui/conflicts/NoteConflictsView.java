package edu.sevenp.desktop.ui.conflicts;

import edu.sevenp.desktop.learning.ConflictingNote.Choice;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The conflicting-notes dialog: each conflict as two columns, the note now and the other version, with "Keep this"
 * under each and "Keep both" below. Every button is reached with Tab; Esc closes.
 */
public final class NoteConflictsView {

    private static final double WIDTH = 760;

    private final NoteConflictsViewModel model;
    private final VBox list = new VBox(16);
    private final VBox root = new VBox(10);
    private final Label message = new Label();
    private Stage stage;

    public NoteConflictsView(NoteConflictsViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        Label intro = new Label(model.text("intro"));
        intro.setWrapText(true);
        list.setId("noteConflicts");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        message.setId("noteConflictsMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button close = new Button(model.text("close"));
        close.setId("closeNoteConflicts");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, message, spacer, close);
        footer.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(intro, scroll, footer);
        root.setStyle("-fx-padding: 1em;");
        root.setPrefWidth(WIDTH);
        model.conflicts().addListener((ListChangeListener<ConflictItem>) change -> showConflicts());
    }

    /** Offers "Open log" beside the message while it says why a choice could not be kept. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(message, model.messageIsFailureProperty());
    }

    /** The sync panel's button that opens this dialog ({@code open} shows it over the panel). */
    public Button openButton(Runnable open) {
        Button compare = new Button(model.text("open"));
        compare.setId("compareConflicts");
        compare.setMnemonicParsing(false);
        compare.setTooltip(new Tooltip(model.text("open.tooltip")));
        compare.setOnAction(event -> open.run());
        return compare;
    }

    /** Shows the dialog over {@code owner}, read afresh. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(model.text("title"));
            stage.setScene(new Scene(root));
        }
        model.refresh();
        stage.show();
        stage.toFront();
    }

    private void showConflicts() {
        list.getChildren().setAll(model.conflicts().stream().map(this::card).toList());
        list.getChildren().stream().findFirst().flatMap(card -> card.lookupAll(".button").stream().findFirst())
                .ifPresent(Node::requestFocus);
    }

    private Node card(ConflictItem item) {
        Label lesson = new Label(item.lesson());
        lesson.setStyle("-fx-font-weight: bold;");
        VBox current = column(item.currentHeading(), item.currentText(),
                item.currentGone() ? button("keep.deleted", "keep.deleted.tooltip", item, Choice.KEEP_NOTE)
                        : button("keep.current", "keep.current.tooltip", item, Choice.KEEP_NOTE));
        VBox copy = column(item.copyHeading(), item.copyText(), button("keep.copy", "keep.copy.tooltip", item, Choice.KEEP_COPY));
        HBox columns = new HBox(12, current, copy);
        HBox.setHgrow(current, Priority.ALWAYS);
        HBox.setHgrow(copy, Priority.ALWAYS);
        VBox card = new VBox(8, lesson, columns);
        if (!item.currentGone()) {
            card.getChildren().add(button("keep.both", "keep.both.tooltip", item, Choice.KEEP_BOTH));
        }
        card.getStyleClass().add("note-conflict");
        card.setStyle("-fx-border-color: #d9e2ec; -fx-border-radius: 4; -fx-padding: 0.8em;");
        return card;
    }

    private static VBox column(String heading, String text, Button keep) {
        Label title = new Label(heading);
        title.setWrapText(true);
        VBox column = new VBox(6, title);
        if (text != null) {
            TextArea body = new TextArea(text);
            body.setEditable(false);
            body.setWrapText(true);
            body.setPrefRowCount(5);
            body.setAccessibleText(heading);
            // Tab goes from button to button; the texts are there to read.
            body.setFocusTraversable(false);
            column.getChildren().add(body);
        }
        column.getChildren().add(keep);
        column.setPrefWidth(WIDTH / 2);
        return column;
    }

    private Button button(String key, String tooltipKey, ConflictItem item, Choice resolution) {
        Button button = new Button(model.text(key));
        button.setId(switch (resolution) {
            case KEEP_NOTE -> "keepCurrent";
            case KEEP_COPY -> "keepCopy";
            case KEEP_BOTH -> "keepBoth";
        });
        button.setTooltip(new Tooltip(model.text(tooltipKey)));
        button.setAccessibleHelp(model.text(tooltipKey));
        button.setMnemonicParsing(false);
        button.setOnAction(event -> model.settle(item, resolution));
        return button;
    }
}
