package edu.sevenp.desktop.ui.notes;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.Messages;
import java.io.File;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The notes panel. Keys: Ctrl+Enter saves the form, Escape leaves editing; in the list Enter edits the
 * note (or, over the whole course, opens its lesson), F2 edits, Delete asks to delete.
 */
public final class NotesView {

    @FXML
    private VBox root;
    @FXML
    private CheckBox wholeCourse;
    @FXML
    private ListView<NoteItem> notesList;
    @FXML
    private FlowPane deleteBar;
    @FXML
    private Button confirmDeleteButton;
    @FXML
    private Button cancelDeleteButton;
    @FXML
    private Label formHeading;
    @FXML
    private TextArea noteText;
    @FXML
    private HBox noteTimeRow;
    @FXML
    private TextField noteTime;
    @FXML
    private Button cancelButton;
    @FXML
    private Button saveButton;
    @FXML
    private Button exportButton;
    @FXML
    private Label formError;

    private final NotesViewModel viewModel;
    private final Messages messages = Messages.of(NotesView.class);

    public NotesView(NotesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Node root() {
        return root;
    }

    /** Moves the focus to the note form, to start writing. */
    public void focusEditor() {
        noteText.requestFocus();
    }

    @FXML
    private void initialize() {
        // The panel's focus goes to the form: writing a note is what the learner comes here for.
        root.focusedProperty().addListener((property, old, focused) -> {
            if (focused) {
                noteText.requestFocus();
            }
        });
        root.setFocusTraversable(false);
        wholeCourse.selectedProperty().bindBidirectional(viewModel.wholeCourseProperty());
        notesList.setItems(viewModel.notes());
        notesList.setCellFactory(list -> new NoteCell());
        Label empty = new Label(messages.get("list.empty"));
        empty.setWrapText(true);
        notesList.setPlaceholder(empty);
        notesList.setOnKeyPressed(this::listKey);
        DoubleClick.choosesSelected(notesList, this::activate);

        deleteBar.visibleProperty().bind(viewModel.pendingDeleteProperty().isNotNull());
        deleteBar.managedProperty().bind(deleteBar.visibleProperty());
        confirmDeleteButton.setOnAction(event -> {
            viewModel.confirmDelete();
            notesList.requestFocus();
        });
        cancelDeleteButton.setOnAction(event -> {
            viewModel.cancelDelete();
            notesList.requestFocus();
        });
        deleteBar.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.cancelDelete();
                notesList.requestFocus();
                event.consume();
            }
        });
        viewModel.pendingDeleteProperty().addListener((property, old, pending) -> {
            if (pending != null) {
                confirmDeleteButton.requestFocus();
            }
        });

        formHeading.textProperty().bind(Bindings.when(viewModel.editingProperty().isNull())
                .then(messages.get("form.new")).otherwise(messages.get("form.editing")));
        noteText.textProperty().bindBidirectional(viewModel.draftProperty());
        noteTime.textProperty().bindBidirectional(viewModel.draftTimeProperty());
        // A text lesson's notes have no video time: the field shows on video lessons only.
        noteTimeRow.visibleProperty().bind(viewModel.timeShownProperty());
        noteTimeRow.managedProperty().bind(noteTimeRow.visibleProperty());
        noteText.addEventFilter(KeyEvent.KEY_PRESSED, this::formKey);
        noteTime.addEventFilter(KeyEvent.KEY_PRESSED, this::formKey);
        exportButton.setOnAction(event -> chooseExportFile());
        exportButton.disableProperty().bind(viewModel.lessonProperty().isNull());
        saveButton.setOnAction(event -> viewModel.save());
        saveButton.disableProperty().bind(viewModel.savingProperty().or(viewModel.lessonProperty().isNull()));
        cancelButton.setOnAction(event -> viewModel.cancelEdit());
        cancelButton.visibleProperty().bind(viewModel.editingProperty().isNotNull());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        BoundLabels.sayOrHide(formError, viewModel.formErrorProperty());
    }

    /** Switches between the lesson's notes and the whole course's (Alt+W). */
    public void toggleWholeCourse() {
        viewModel.wholeCourseProperty().set(!viewModel.wholeCourseProperty().get());
    }

    /** Asks where to write the course's notes, offering the course's name, then writes them (Alt+E). */
    public void chooseExportFile() {
        if (exportButton.isDisabled()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("export.title"));
        chooser.setInitialFileName(viewModel.exportFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("export.filter"), "*.md"));
        File chosen = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            viewModel.exportCourse(chosen.toPath());
        }
    }

    private void formKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
            viewModel.save();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && viewModel.editingProperty().get() != null) {
            viewModel.cancelEdit();
            event.consume();
        }
    }

    private void listKey(KeyEvent event) {
        NoteItem item = notesList.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        switch (event.getCode()) {
            case ENTER -> activate(item);
            case F2 -> edit(item);
            case SPACE -> viewModel.playFrom(item);
            case DELETE, BACK_SPACE -> viewModel.requestDelete(item);
            default -> {
                return;
            }
        }
        event.consume();
    }

    /**
     * Enter or a double click: over the whole course it opens the note's lesson, otherwise (or when the lesson was
     * removed) it edits the note.
     */
    private void activate(NoteItem item) {
        if (viewModel.wholeCourseProperty().get() && !item.note().fromRemovedLesson()) {
            viewModel.open(item);
        } else {
            edit(item);
        }
    }

    private void edit(NoteItem item) {
        viewModel.edit(item);
        noteText.requestFocus();
        noteText.end();
    }

    private final class NoteCell extends ListCell<NoteItem> {
        private final Label meta = new Label();
        private final Hyperlink time = new Hyperlink();
        private final HBox heading = new HBox(6, meta, time);
        private final Label content = new Label();
        private final VBox box = new VBox(2, heading, content);

        NoteCell() {
            meta.getStyleClass().add("note-meta");
            meta.setWrapText(true);
            meta.maxWidthProperty().bind(notesList.widthProperty().subtract(36));
            time.getStyleClass().add("note-time");
            time.setFocusTraversable(false);
            time.setPadding(javafx.geometry.Insets.EMPTY);
            time.setOnAction(event -> {
                if (getItem() != null) {
                    viewModel.playFrom(getItem());
                }
            });
            content.setWrapText(true);
            content.maxWidthProperty().bind(notesList.widthProperty().subtract(36));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(NoteItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            // A note from a removed lesson always says so, in whichever list it shows.
            boolean course = (viewModel.wholeCourseProperty().get() || item.note().fromRemovedLesson())
                    && !item.lessonTitle().isEmpty();
            // The video time is the link beside it.
            meta.setText(course ? messages.format("item.inLesson", item.lessonTitle(), item.written()) : item.written());
            Integer seconds = item.note().timestampInVideo();
            time.setVisible(seconds != null);
            time.setManaged(seconds != null);
            if (seconds != null) {
                time.setText(messages.format("item.timeLink", VideoTime.format(seconds)));
                time.setTooltip(new Tooltip(messages.format("item.playFrom", VideoTime.format(seconds))));
            }
            content.setText(item.note().content());
            setGraphic(box);
            setAccessibleText(messages.format("item.accessible", course
                    ? messages.format("item.inLesson", item.lessonTitle(), item.meta()) : item.meta(), item.note().content()));
        }
    }
}
