package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.quiz.QuizOutcome.QuestionFeedback;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizQuestion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * The quiz pane: the lesson's quizzes, then the questions of an attempt, then its result. It binds to
 * {@link QuizViewModel}; the only state it keeps is the controls of the attempt being answered.
 */
public final class QuizView {

    /** Submits the attempt from anywhere in the pane. */
    public static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    @FXML
    private Parent root;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label errorBanner;
    @FXML
    private Pane listPane;
    @FXML
    private ListView<QuizSummary> quizList;
    @FXML
    private Button startButton;
    @FXML
    private Pane takingPane;
    @FXML
    private Label quizTitle;
    @FXML
    private Label attemptInfo;
    @FXML
    private Label instructions;
    @FXML
    private ScrollPane questionScroll;
    @FXML
    private VBox questionBox;
    @FXML
    private HBox confirmBar;
    @FXML
    private Label confirmText;
    @FXML
    private Button confirmButton;
    @FXML
    private Button keepButton;
    @FXML
    private Label unansweredLabel;
    @FXML
    private Button leaveButton;
    @FXML
    private Button submitButton;
    @FXML
    private Pane resultPane;
    @FXML
    private Label resultHeadline;
    @FXML
    private Label resultDetail;
    @FXML
    private VBox feedbackBox;
    @FXML
    private Button backButton;

    private final QuizViewModel viewModel;
    private final Map<QuestionId, QuestionForm> forms = new LinkedHashMap<>();

    public QuizView(QuizViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus where the current page starts: the list, the first question, or Back. */
    public void focus() {
        switch (viewModel.phaseProperty().get()) {
            case LIST -> {
                quizList.requestFocus();
                if (quizList.getSelectionModel().isEmpty()) {
                    quizList.getSelectionModel().selectFirst();
                }
            }
            case TAKING -> forms.values().stream().map(QuestionForm::firstInput).filter(Objects::nonNull).findFirst()
                    .ifPresentOrElse(Node::requestFocus, submitButton::requestFocus);
            case RESULT -> backButton.requestFocus();
        }
    }

    @FXML
    private void initialize() {
        busy.visibleProperty().bind(viewModel.busyProperty());
        errorBanner.textProperty().bind(viewModel.errorProperty());
        errorBanner.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        listPane.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(QuizViewModel.Phase.LIST));
        takingPane.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(QuizViewModel.Phase.TAKING));
        resultPane.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(QuizViewModel.Phase.RESULT));

        initList();
        initTaking();
        initResult();
        viewModel.phaseProperty().addListener((property, old, phase) -> Platform.runLater(this::focus));
    }

    private void initList() {
        Label placeholder = new Label();
        placeholder.setId("quizEmpty");
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
        quizList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                startChosen();
            }
        });
        // A quiz without attempts left cannot be started; Enter on it still explains why.
        startButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            QuizSummary chosen = quizList.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.canAttempt();
        }, quizList.getSelectionModel().selectedItemProperty()).or(viewModel.busyProperty()));
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

    private void initTaking() {
        viewModel.activeQuizProperty().addListener((property, old, quiz) -> buildQuestions(quiz));
        attemptInfo.textProperty().bind(viewModel.attemptInfoProperty());
        unansweredLabel.textProperty().bind(viewModel.unansweredProperty().asString("%d unanswered"));
        confirmText.textProperty().bind(viewModel.confirmationProperty());
        confirmBar.visibleProperty().bind(viewModel.confirmationProperty().isNotEmpty());
        confirmBar.managedProperty().bind(confirmBar.visibleProperty());
        viewModel.confirmationProperty().addListener((property, old, text) -> {
            if (!text.isEmpty()) {
                confirmButton.requestFocus();
            }
        });
        // While the question is asked, Enter confirms (Esc goes back, see the key filter below).
        confirmButton.defaultButtonProperty().bind(confirmBar.visibleProperty());
        confirmButton.setOnAction(event -> viewModel.confirmSubmit());
        keepButton.setOnAction(event -> {
            viewModel.cancelSubmit();
            focus();
        });
        submitButton.disableProperty().bind(viewModel.busyProperty());
        submitButton.setOnAction(event -> viewModel.submit());
        leaveButton.setOnAction(event -> viewModel.backToList());
        viewModel.problems().addListener((MapChangeListener<QuestionId, String>) change -> {
            QuestionForm form = forms.get(change.getKey());
            if (form != null) {
                form.showProblem(change.wasAdded() ? change.getValueAdded() : null);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (viewModel.phaseProperty().get() != QuizViewModel.Phase.TAKING) {
                return;
            }
            if (SUBMIT.match(event)) {
                viewModel.submit();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && !viewModel.confirmationProperty().get().isEmpty()) {
                viewModel.cancelSubmit();
                focus();
                event.consume();
            }
        });
    }

    /** New controls for each attempt; they stay while it lasts, so a refused submission keeps every answer. */
    private void buildQuestions(Quiz quiz) {
        forms.clear();
        questionBox.getChildren().clear();
        if (quiz == null) {
            return;
        }
        quizTitle.setText(quiz.title());
        String text = quiz.instructions() == null || quiz.instructions().isBlank() ? quiz.description() : quiz.instructions();
        instructions.setText(text == null ? "" : text);
        for (QuizQuestion question : quiz.questions()) {
            QuestionForm form = new QuestionForm(question, answer -> viewModel.answer(question.id(), answer));
            forms.put(question.id(), form);
            questionBox.getChildren().add(form.node());
        }
        questionScroll.setVvalue(0);
    }

    private void initResult() {
        resultHeadline.textProperty().bind(viewModel.outcomeProperty().map(QuizOutcome::headline).orElse(""));
        resultDetail.textProperty().bind(viewModel.outcomeProperty().map(QuizOutcome::detail).orElse(""));
        viewModel.outcomeProperty().addListener((property, old, outcome) -> showFeedback(outcome));
        backButton.setOnAction(event -> viewModel.backToList());
    }

    private void showFeedback(QuizOutcome outcome) {
        feedbackBox.getChildren().clear();
        if (outcome == null) {
            return;
        }
        for (QuestionFeedback feedback : outcome.feedback()) {
            feedbackBox.getChildren().add(feedbackCard(feedback));
        }
    }

    private static Node feedbackCard(QuestionFeedback feedback) {
        Label question = wrapped(feedback.number() + ". " + feedback.question(), "question-text");
        Label verdict = wrapped(feedback.verdict(), switch (feedback.verdict()) {
            case "Correct" -> "verdict-correct";
            case "Incorrect" -> "verdict-incorrect";
            default -> "verdict-not-scored";
        });
        verdict.setId("verdict-" + feedback.number());
        VBox card = new VBox(3, question, verdict, wrapped("Your answer: " + feedback.yourAnswer(), "quiz-info"));
        if (!feedback.correctAnswer().isEmpty()) {
            Label correct = wrapped("Correct answer: " + feedback.correctAnswer(), "quiz-instructions");
            correct.setId("correct-" + feedback.number());
            card.getChildren().add(correct);
        }
        if (!feedback.explanation().isEmpty()) {
            card.getChildren().add(wrapped(feedback.explanation(), "quiz-info"));
        }
        card.setFocusTraversable(false);
        return card;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(styleClass);
        return label;
    }

    /** Title, type, attempts and best score of a quiz in the list. */
    private static final class QuizCell extends ListCell<QuizSummary> {
        private final Label title = new Label();
        private final Label info = new Label();
        private final VBox box = new VBox(2, title, info);

        QuizCell() {
            title.getStyleClass().add("quiz-row-title");
            info.getStyleClass().add("quiz-row-info");
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
            String line = quiz.modeText() + " · " + quiz.questions() + " questions · " + quiz.attemptsText() + " · "
                    + quiz.scoreText();
            info.setText(line);
            setGraphic(box);
            setAccessibleText(quiz.title() + ", " + line);
        }
    }
}
