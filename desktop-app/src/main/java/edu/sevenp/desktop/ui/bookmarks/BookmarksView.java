package edu.sevenp.desktop.ui.bookmarks;

import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bookmarks panel (a list of the course's bookmarks: Enter or a double click opens the lesson, F2 renames
 * in place, Delete removes, with Undo; Rename and Remove buttons do the same by mouse) and the lesson toolbar's
 * "Bookmark this lesson" toggle (Ctrl+D). Small enough to build in code.
 */
public final class BookmarksView {

    private final BookmarksViewModel viewModel;
    private final VBox root = new VBox();
    private final ListView<BookmarkItem> list = new ListView<>();
    private final ToggleButton toggle = new ToggleButton();
    /** The learner's language, taken when the view is made. */
    private final Messages messages = Messages.of(BookmarksView.class);

    public BookmarksView(BookmarksViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        buildList();
        buildToggle();
    }

    /** The panel, for a side tab. */
    public Node root() {
        return root;
    }

    /** The "Bookmark this lesson" toggle, for the lesson toolbar. */
    public Node toggle() {
        return toggle;
    }

    /** Ctrl+D toggles the lesson's bookmark; Ctrl+Z undoes a removal while the Undo bar shows. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), viewModel::toggleCurrent);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
            // A text field's own Ctrl+Z (undo typing) comes first; this acts only when a removal can be undone.
            if (viewModel.lastRemovedProperty().get() != null) {
                viewModel.undoRemove();
            }
        });
    }

    private void buildList() {
        root.getStyleClass().addAll("side-panel", "bookmarks-panel");
        list.setId("bookmarksList");
        list.setAccessibleText(messages.get("list.accessible"));
        list.setItems(viewModel.bookmarks());
        Label placeholder = new Label(messages.get("list.empty"));
        // Wraps in a narrow panel (large text) rather than ending in "…".
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new BookmarkCell());
        // Editable only while a rename is asked for (F2, the Rename button), so a click on a chosen row never starts
        // one; the cell hands the new name to the view model, never to the list.
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnKeyPressed(event -> {
            BookmarkItem item = list.getSelectionModel().getSelectedItem();
            if (item == null || list.getEditingIndex() >= 0) {
                return;
            }
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.open(item);
                event.consume();
            } else if (event.getCode() == KeyCode.F2) {
                rename();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                viewModel.remove(item);
                event.consume();
            }
        });
        DoubleClick.choosesSelected(list, viewModel::open);
        root.focusedProperty().addListener((property, old, focused) -> {
            if (focused) {
                list.requestFocus();
            }
        });

        Label removed = new Label(messages.get("undo.removed"));
        removed.setWrapText(true);
        removed.setMinWidth(0);
        removed.setMinHeight(Region.USE_PREF_SIZE);
        Button undo = new Button(messages.get("undo.button"));
        undo.setId("undoBookmarkButton");
        undo.setTooltip(new Tooltip(messages.get("undo.tooltip")));
        undo.setOnAction(event -> {
            viewModel.undoRemove();
            list.requestFocus();
        });
        Button dismiss = new Button(messages.get("undo.dismiss"));
        dismiss.setOnAction(event -> viewModel.dismissUndo());
        // Rows that wrap: at large text in a narrow side panel the buttons go under the words, never off the panel.
        FlowPane undoBar = new FlowPane(6, 6, removed, undo, dismiss);
        VBox actions = actions();
        undoBar.setId("bookmarkUndoBar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.getStyleClass().add("confirm-bar");
        undoBar.visibleProperty().bind(viewModel.lastRemovedProperty().isNotNull());
        undoBar.managedProperty().bind(undoBar.visibleProperty());
        root.getChildren().addAll(list, actions, undoBar);
    }

    /** Rename and Remove for the chosen bookmark, for the mouse (F2 and Delete from the keyboard). */
    private VBox actions() {
        Button rename = new Button(messages.get("rename.button"));
        rename.setId("renameBookmarkButton");
        rename.setMinWidth(Region.USE_PREF_SIZE);
        rename.setTooltip(new Tooltip(messages.get("rename.tooltip")));
        rename.setOnAction(event -> rename());
        Button remove = new Button(messages.get("remove.button"));
        remove.setId("removeBookmarkButton");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setTooltip(new Tooltip(messages.get("remove.tooltip")));
        remove.setOnAction(event -> {
            BookmarkItem item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                viewModel.remove(item);
                list.requestFocus();
            }
        });
        for (Button button : List.of(rename, remove)) {
            button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        Label hint = new Label(messages.get("hint"));
        hint.getStyleClass().add("shortcut-hint");
        hint.setWrapText(true);
        // The hint has a line of its own: in a flow it would hold the panel to its full width.
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(6, 6, rename, remove);
        VBox bar = new VBox(4, hint, buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("bookmark-actions");
        return bar;
    }

    /** Starts renaming the chosen bookmark in its row. */
    private void rename() {
        int chosen = list.getSelectionModel().getSelectedIndex();
        if (chosen >= 0) {
            list.requestFocus();
            list.setEditable(true);
            list.edit(chosen);
        }
    }

    private void buildToggle() {
        toggle.setId("bookmarkToggle");
        toggle.setMnemonicParsing(false);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip(messages.get("toggle.tooltip")));
        toggle.disableProperty().bind(viewModel.lessonProperty().isNull());
        // The button shows what is stored, not what was clicked: the view model answers once written.
        toggle.setOnAction(event -> {
            toggle.setSelected(viewModel.currentBookmarkedProperty().get());
            viewModel.toggleCurrent();
        });
        viewModel.currentBookmarkedProperty().addListener((property, old, bookmarked) -> showToggle(bookmarked));
        showToggle(viewModel.currentBookmarkedProperty().get());
    }

    private void showToggle(boolean bookmarked) {
        toggle.setSelected(bookmarked);
        toggle.setText(messages.get(bookmarked ? "toggle.on" : "toggle.off"));
        toggle.setAccessibleText(messages.get(bookmarked ? "toggle.on.accessible" : "toggle.off.accessible"));
    }

    /** A bookmark's label; while renamed, a field with its title (Enter saves, Esc or leaving the field cancels). */
    private final class BookmarkCell extends ListCell<BookmarkItem> {

        private TextField field;

        BookmarkCell() {
            // A long lesson title wraps within the list's width instead of ending in "…".
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        public void startEdit() {
            BookmarkItem item = getItem();
            if (item == null) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            field = new TextField(item.editableTitle());
            field.setId("bookmarkTitleField");
            field.setAccessibleText(messages.format("rename.accessible", item.lessonTitle()));
            field.setOnAction(event -> {
                event.consume();
                viewModel.rename(item, field.getText());
                cancelEdit();
                list.requestFocus();
            });
            field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE) {
                    event.consume();
                    cancelEdit();
                    list.requestFocus();
                }
            });
            field.focusedProperty().addListener((property, old, focused) -> {
                if (!focused && isEditing()) {
                    cancelEdit();
                }
            });
            setText(null);
            setGraphic(field);
            field.selectAll();
            field.requestFocus();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            field = null;
            list.setEditable(false);
            show(getItem());
        }

        @Override
        protected void updateItem(BookmarkItem item, boolean empty) {
            super.updateItem(item, empty);
            if (isEditing() && field != null) {
                return;
            }
            show(empty ? null : item);
        }

        private void show(BookmarkItem item) {
            setGraphic(null);
            setText(item == null ? null : item.label());
            setAccessibleText(item == null ? null : messages.format("item.accessible", item.label()));
        }
    }
}
