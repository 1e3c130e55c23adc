package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The side panel's list of the lesson's quizzes: mode, questions, attempts left and best score (or that an
 * attempt awaits grading). Starting one opens it in the main pane ({@link QuizPageView}). It binds to
 * {@link QuizViewModel}.
 */
public final class QuizView {

    @FXML
    private Parent root;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label errorBanner;
    @FXML
    private ListView<QuizSummary> quizList;
    @FXML
    private Label inProgress;
    @FXML
    private Button startButton;

    private final QuizViewModel viewModel;
    private final Messages messages = Messages.of(QuizView.class);

    public QuizView(QuizViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under the list's error line while it tells a failure. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(errorBanner, viewModel.listErrorIsFailureProperty());
    }

    /** Puts the keyboard focus on the list, on its first quiz when none is chosen. */
    public void focus() {
        quizList.requestFocus();
        if (quizList.getSelectionModel().isEmpty()) {
            quizList.getSelectionModel().selectFirst();
        }
    }

    @FXML
    private void initialize() {
        busy.visibleProperty().bind(viewModel.listLoadingProperty().or(viewModel.busyProperty()));
        BoundLabels.sayOrHide(errorBanner, viewModel.listErrorProperty());
        inProgress.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(QuizViewModel.Phase.TAKING));
        inProgress.managedProperty().bind(inProgress.visibleProperty());

        Label placeholder = new Label();
        placeholder.setId("quizEmpty");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.emptyMessageProperty());
        quizList.setPlaceholder(placeholder);
        quizList.setItems(viewModel.quizzes());
        quizList.setCellFactory(list -> new QuizCell());
        quizList.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                startChosen();
                event.consume();
            }
        });
        DoubleClick.choosesSelected(quizList, chosen -> viewModel.start(chosen.id()));
        // A quiz without attempts left cannot be started; Enter on it still explains why. While an attempt is open the
        // button rests, so that Alt+S submits it (Enter in the list still starts another, asking first if it counts).
        startButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            QuizSummary chosen = quizList.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.canAttempt();
        }, quizList.getSelectionModel().selectedItemProperty()).or(viewModel.busyProperty())
                .or(viewModel.phaseProperty().isEqualTo(QuizViewModel.Phase.TAKING)));
        startButton.setOnAction(event -> startChosen());
        viewModel.quizzes().addListener((ListChangeListener<QuizSummary>) change -> {
            if (quizList.getSelectionModel().isEmpty() && !quizList.getItems().isEmpty()) {
                quizList.getSelectionModel().selectFirst();
            }
        });
    }

    private void startChosen() {
        QuizSummary chosen = quizList.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            viewModel.start(chosen.id());
        }
    }

    /** Title, then mode, questions, attempts left and best score of a quiz in the list, wrapped to the panel. */
    private final class QuizCell extends ListCell<QuizSummary> {
        private final Label title = new Label();
        private final Label info = new Label();
        private final VBox box = new VBox(2, title, info);

        QuizCell() {
            title.getStyleClass().add("quiz-row-title");
            info.getStyleClass().add("quiz-row-info");
            title.setWrapText(true);
            info.setWrapText(true);
            // The cell is as wide as the list, and its labels wrap within it instead of ending in "...".
            setPrefWidth(0);
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(QuizSummary quiz, boolean empty) {
            super.updateItem(quiz, empty);
            setText(null);
            if (empty || quiz == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(quiz.title());
            String line = quiz.infoText();
            info.setText(line);
            setGraphic(box);
            setAccessibleText(messages.format("list.rowAccessible", quiz.title(), line));
        }
    }
}
