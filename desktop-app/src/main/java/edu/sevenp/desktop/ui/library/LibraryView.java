package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.ui.common.FxmlLayout;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The library screen: a dashboard strip, a filter field and the list of courses. It binds to
 * {@link LibraryViewModel} and forwards the learner's choices; it holds no state of its own.
 */
public final class LibraryView {

    @FXML
    private Parent root;
    @FXML
    private Label inProgress;
    @FXML
    private Label completed;
    @FXML
    private Label lessons;
    @FXML
    private Label studyTime;
    @FXML
    private Label recent;
    @FXML
    private Label errorBanner;
    @FXML
    private TextField filterField;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private ListView<LibraryRow> courseList;

    private final LibraryViewModel viewModel;

    public LibraryView(LibraryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus in the filter field, where the learner starts. */
    public void focus() {
        filterField.requestFocus();
    }

    @FXML
    private void initialize() {
        inProgress.textProperty().bind(viewModel.inProgressTextProperty());
        completed.textProperty().bind(viewModel.completedTextProperty());
        lessons.textProperty().bind(viewModel.lessonsTextProperty());
        studyTime.textProperty().bind(viewModel.studyTimeTextProperty());
        recent.textProperty().bind(viewModel.recentTextProperty());
        errorBanner.textProperty().bind(viewModel.errorProperty());
        errorBanner.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        busy.visibleProperty().bind(viewModel.loadingProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());

        Label placeholder = new Label();
        placeholder.setId("libraryEmpty");
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.emptyMessageProperty());
        courseList.setPlaceholder(placeholder);
        courseList.setItems(viewModel.rows());
        courseList.setCellFactory(list -> new CourseCell());

        filterField.addEventFilter(KeyEvent.KEY_PRESSED, this::onFilterKey);
        courseList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
        courseList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.open(courseList.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void onFilterKey(KeyEvent event) {
        if (event.getCode() == KeyCode.DOWN && !courseList.getItems().isEmpty()) {
            moveIntoList();
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER && !courseList.getItems().isEmpty()) {
            // Enter in the filter opens the chosen course, or the only / first one the filter left.
            LibraryRow chosen = courseList.getSelectionModel().getSelectedItem();
            viewModel.open(chosen != null ? chosen : courseList.getItems().get(0));
            event.consume();
        }
    }

    private void onListKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            viewModel.open(courseList.getSelectionModel().getSelectedItem());
            event.consume();
        } else if (event.getCode() == KeyCode.UP && courseList.getSelectionModel().getSelectedIndex() <= 0) {
            filterField.requestFocus();
            event.consume();
        }
    }

    private void moveIntoList() {
        courseList.requestFocus();
        if (courseList.getSelectionModel().getSelectedIndex() < 0) {
            courseList.getSelectionModel().selectFirst();
        }
        courseList.getFocusModel().focus(courseList.getSelectionModel().getSelectedIndex());
    }

    /** Title, description, state and a progress bar with its percentage. */
    private static final class CourseCell extends ListCell<LibraryRow> {
        private final Label title = new Label();
        private final Label description = new Label();
        private final Label state = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label percent = new Label();
        private final VBox box;

        CourseCell() {
            title.getStyleClass().add("course-title");
            description.getStyleClass().add("course-description");
            description.setWrapText(true);
            state.getStyleClass().add("course-state");
            bar.setPrefWidth(180);
            HBox progress = new HBox(10, state, bar, percent);
            progress.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box = new VBox(3, title, description, progress);
            box.getStyleClass().add("course-cell");
            VBox.setVgrow(description, Priority.NEVER);
        }

        @Override
        protected void updateItem(LibraryRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(row.title());
            description.setText(row.description());
            description.setVisible(!row.description().isEmpty());
            description.setManaged(description.isVisible());
            state.setText(row.state());
            bar.setProgress(row.fraction());
            percent.setText(row.progressText());
            description.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(box);
            setAccessibleText(row.title() + ", " + row.state() + ", " + row.progressText());
        }
    }
}
