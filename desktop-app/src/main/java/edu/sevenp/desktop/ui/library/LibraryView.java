package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.ui.common.AlertLayout;
import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.CourseCard;
import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.DownloadLine;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import edu.sevenp.model.CourseId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

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
    @FXML
    private Button importButton;
    @FXML
    private HBox importBox;
    @FXML
    private ProgressBar importBar;
    @FXML
    private Label importText;
    @FXML
    private Label importError;
    @FXML
    private Label message;
    @FXML
    private FlowPane downloadActions;
    @FXML
    private Button cancelButton;
    @FXML
    private Button resumeButton;
    @FXML
    private Button removeButton;
    @FXML
    private Button againButton;

    private final LibraryViewModel viewModel;
    /**
     * The screen in a scroll pane: at a large text size in a small window the header, the list (at least its minimum
     * height) and the hints may not all fit, and the page scrolls rather than squeezing them.
     */
    private final ScrollPane page = new ScrollPane();
    /** The learner's language, taken when the view is made (before its layout loads). */
    private final LibraryTexts texts = LibraryTexts.inDefaultLocale();
    private final ObjectProperty<LibraryRow> chosen = new SimpleObjectProperty<>(this, "chosen");
    private Runnable chooseImport = () -> { };
    private CourseId remembered;

    public LibraryView(LibraryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this, texts.bundle());
        page.setContent(root);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.setFocusTraversable(false);
        page.getStyleClass().add("library-page");
        page.getStylesheets().addAll(root.getStylesheets());
    }

    /** Offers "Open log" under the library's and the import's error banners, and under a download's failure. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(errorBanner);
        log.offerAfter(importError);
        log.offerAfter(message, viewModel.messageIsFailureProperty());
    }

    /** What the Import button does: open a file chooser (the window owns it, so Ctrl+O and the button share one). */
    public void onImport(Runnable chooser) {
        this.chooseImport = Objects.requireNonNull(chooser, "chooser");
    }

    /** Asks before removing the download of {@code row}, saying that notes and progress stay; removes it on yes. */
    public void confirmRemove(LibraryRow row) {
        if (row == null || row.download() == null || !row.download().canRemove()) {
            return;
        }
        List<String> question = viewModel.removeQuestion(row);
        ButtonType remove = new ButtonType(texts.text("remove.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.get(1), remove, ButtonType.CANCEL);
        alert.setTitle(texts.text("remove.title"));
        alert.setHeaderText(question.get(0));
        alert.getDialogPane().setId("removeDownloadDialog");
        AlertLayout.fitted(alert);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.showAndWait().filter(remove::equals).ifPresent(answer -> viewModel.removeDownload(row));
    }

    public Parent root() {
        return page;
    }

    /** Puts the keyboard focus in the filter field, where the learner starts. */
    public void focus() {
        // The scroll pane puts its content in the scene only once it has a skin: make it now, or the focus is lost.
        page.applyCss();
        page.layout();
        filterField.requestFocus();
    }

    @FXML
    private void initialize() {
        inProgress.textProperty().bind(viewModel.inProgressTextProperty());
        completed.textProperty().bind(viewModel.completedTextProperty());
        lessons.textProperty().bind(viewModel.lessonsTextProperty());
        studyTime.textProperty().bind(viewModel.studyTimeTextProperty());
        recent.textProperty().bind(viewModel.recentTextProperty());
        BoundLabels.sayOrHide(errorBanner, viewModel.errorProperty());
        busy.visibleProperty().bind(viewModel.loadingProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());

        Label placeholder = new Label();
        placeholder.setId("libraryEmpty");
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.emptyMessageProperty());
        courseList.setPlaceholder(placeholder);
        courseList.setItems(viewModel.rows());
        courseList.setCellFactory(list -> new CourseCell(texts));

        importButton.setTooltip(new Tooltip(texts.text("import.tooltip")));
        importButton.visibleProperty().set(viewModel.canImport());
        importButton.managedProperty().bind(importButton.visibleProperty());
        importButton.setOnAction(event -> chooseImport.run());
        importBox.visibleProperty().bind(viewModel.importingProperty());
        importBox.managedProperty().bind(importBox.visibleProperty());
        importBar.progressProperty().bind(viewModel.importProgressProperty());
        importText.textProperty().bind(viewModel.importTextProperty());
        BoundLabels.sayOrHide(importError, viewModel.importErrorProperty());
        BoundLabels.sayOrHide(message, viewModel.messageProperty());

        // The selected row, followed also when the row is replaced in place (live download progress), and chosen again
        // when the list is read afresh (a sync ended, an action was done): the learner's place stays.
        courseList.getSelectionModel().selectedItemProperty().addListener((property, old, row) -> {
            chosen.set(row);
            if (row != null) {
                remembered = row.courseId();
            }
        });
        courseList.getItems().addListener((ListChangeListener<LibraryRow>) change -> {
            if (remembered != null && courseList.getSelectionModel().getSelectedItem() == null) {
                courseList.getItems().stream().filter(row -> row.courseId().equals(remembered)).findFirst()
                        .ifPresent(row -> courseList.getSelectionModel().select(row));
            }
        });
        bindAction(cancelButton, row -> row.download().canCancel(), viewModel::cancelDownload);
        bindAction(resumeButton, row -> row.download().canResume(), viewModel::resumeDownload);
        bindAction(removeButton, row -> row.download().canRemove(), this::confirmRemove);
        bindAction(againButton, row -> row.download().canDownloadAgain(), viewModel::downloadAgain);
        downloadActions.visibleProperty().bind(chosen.map(row -> row.download() != null).orElse(false));
        downloadActions.managedProperty().bind(downloadActions.visibleProperty());

        filterField.addEventFilter(KeyEvent.KEY_PRESSED, this::onFilterKey);
        courseList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
        DoubleClick.choosesSelected(courseList, viewModel::open);
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

    private void bindAction(Button button, Predicate<LibraryRow> applies, Consumer<LibraryRow> action) {
        button.visibleProperty().bind(chosen.map(row -> row.download() != null && applies.test(row)).orElse(false));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(event -> action.accept(courseList.getSelectionModel().getSelectedItem()));
    }

    private void onListKey(KeyEvent event) {
        if (event.getCode() == KeyCode.DELETE) {
            confirmRemove(courseList.getSelectionModel().getSelectedItem());
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER) {
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
        private final LibraryTexts texts;
        private final Label state = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label percent = new Label();
        private final HBox progress = new HBox(10, state, bar, percent);
        private final DownloadLine download = new DownloadLine();
        private final CourseCard card = new CourseCard(progress, download.node());

        CourseCell(LibraryTexts texts) {
            this.texts = texts;
            state.getStyleClass().add("course-state");
            bar.setPrefWidth(180);
            progress.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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
            card.show(this, row.title(), row.description());
            state.setText(row.state());
            bar.setProgress(row.fraction());
            percent.setText(texts.percent(row));
            LibraryRow.DownloadLine line = row.download();
            download.node().setVisible(line != null);
            download.node().setManaged(line != null);
            if (line != null) {
                download.show(line.text(), line.showsBar(),
                        line.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : line.fraction());
            }
            setGraphic(card.node());
            setAccessibleText(line == null ? texts.text("row.accessible", row.title(), row.state(), texts.percent(row))
                    : texts.text("row.accessibleDownload", row.title(), row.state(), texts.percent(row), line.text()));
        }
    }
}
