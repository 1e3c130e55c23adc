package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Locale;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The search pane: a field, a "this course only" switch, the index's status and the results with their
 * matched words marked. It binds to {@link SearchViewModel}; it holds no state of its own.
 */
public final class SearchView {

    @FXML
    private Parent root;
    @FXML
    private TextField queryField;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private CheckBox courseOnly;
    @FXML
    private HBox indexBar;
    @FXML
    private Label indexText;
    @FXML
    private ProgressBar indexProgress;
    @FXML
    private Label message;
    @FXML
    private ListView<SearchRow> resultList;

    private final SearchViewModel viewModel;
    private final Messages messages = Messages.of(SearchView.class);

    public SearchView(SearchViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under the message while it says searching failed. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(message, viewModel.messageIsFailureProperty());
    }

    /** Puts the keyboard focus in the search field, with its text selected for typing over. */
    public void focus() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(viewModel.queryProperty());
        busy.visibleProperty().bind(viewModel.searchingProperty());
        courseOnly.selectedProperty().bindBidirectional(viewModel.thisCourseOnlyProperty());
        courseOnly.disableProperty().bind(viewModel.currentCourseProperty().isNull());
        indexText.textProperty().bind(viewModel.indexStatusTextProperty());
        indexProgress.progressProperty().bind(viewModel.indexProgressProperty());
        indexBar.visibleProperty().bind(viewModel.indexingProperty());
        indexBar.managedProperty().bind(indexBar.visibleProperty());
        BoundLabels.sayOrHide(message, viewModel.messageProperty());

        resultList.setItems(viewModel.results());
        resultList.setCellFactory(list -> new ResultCell());
        resultList.setPlaceholder(new Label(""));
        queryField.addEventFilter(KeyEvent.KEY_PRESSED, this::onFieldKey);
        resultList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
        DoubleClick.choosesSelected(resultList, viewModel::open);
    }

    private void onFieldKey(KeyEvent event) {
        switch (event.getCode()) {
            case ESCAPE -> {
                if (!queryField.getText().isEmpty()) {
                    viewModel.clear();
                    event.consume();
                }
            }
            case DOWN, UP -> {
                if (!resultList.getItems().isEmpty()) {
                    resultList.requestFocus();
                    if (resultList.getSelectionModel().isEmpty()) {
                        resultList.getSelectionModel().selectFirst();
                    }
                    resultList.getFocusModel().focus(resultList.getSelectionModel().getSelectedIndex());
                    event.consume();
                }
            }
            case ENTER -> {
                // Enter in the field runs a search still waiting for the pause, or opens the first hit.
                if (resultList.getItems().isEmpty()) {
                    viewModel.searchNow();
                } else {
                    SearchRow chosen = resultList.getSelectionModel().getSelectedItem();
                    viewModel.open(chosen != null ? chosen : resultList.getItems().get(0));
                }
                event.consume();
            }
            default -> {
            }
        }
    }

    private void onListKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            viewModel.open(resultList.getSelectionModel().getSelectedItem());
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE
                || (event.getCode() == KeyCode.UP && resultList.getSelectionModel().getSelectedIndex() <= 0)) {
            queryField.requestFocus();
            event.consume();
        }
    }

    /** Type, title, context and the snippet with its matches marked. */
    private final class ResultCell extends ListCell<SearchRow> {
        private final Label type = new Label();
        private final Label title = new Label();
        private final Label context = new Label();
        private final HBox heading = new HBox(8, type, title);
        private final VBox box = new VBox(2);

        ResultCell() {
            type.getStyleClass().add("result-type");
            title.getStyleClass().add("result-title");
            title.setMnemonicParsing(false);
            context.getStyleClass().add("result-context");
            heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            // Cells take the list's width rather than their text's, and a long title or place wraps within it
            // (large text, a narrow panel) instead of ending in "…" or pushing the panel into scrolling sideways.
            setPrefWidth(0);
            title.setMinWidth(0);
            title.setWrapText(true);
            context.setWrapText(true);
            type.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(SearchRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            type.setText(row.typeText());
            type.getStyleClass().removeIf(style -> style.startsWith("result-type-"));
            type.getStyleClass().add("result-type-" + row.type().name().toLowerCase(Locale.ROOT));
            title.setText(row.title());
            context.setText(row.context());
            TextFlow snippet = SnippetFlow.of(row.snippet());
            snippet.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            context.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            heading.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            box.getChildren().setAll(heading, context, snippet);
            setGraphic(box);
            setAccessibleText(messages.format("result.accessible", row.typeText(), row.title(), row.context(),
                    row.snippet().marked("", "")));
        }
    }
}
