package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.quiz.QuizOutcome.QuestionFeedback;
import edu.sevenp.desktop.ui.quiz.QuizViewModel.Phase;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizQuestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A quiz attempt in the main pane, where the lesson shows, with the width to read: the questions with the
 * countdown of a timed quiz, then the result; "Back to the lesson" leads back (asking first from a graded
 * attempt in progress). It binds to {@link QuizViewModel}; the only state it keeps is the controls of the
 * attempt being answered, and the timer that moves the countdown.
 */
public final class QuizPageView {

    /** Submits the attempt from anywhere in the page. */
    public static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** How often the countdown is read again: often enough that its seconds never skip. */
    static final Duration TICK = Duration.millis(250);

    @FXML
    private Parent root;
    @FXML
    private Button backButton;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label countdown;
    @FXML
    private Label quizTitle;
    @FXML
    private Label attemptInfo;
    @FXML
    private Pane leaveBar;
    @FXML
    private Label leaveText;
    @FXML
    private Button leaveButton;
    @FXML
    private Button stayButton;
    @FXML
    private Label errorBanner;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private Pane questionPart;
    @FXML
    private Label instructions;
    @FXML
    private VBox questionBox;
    @FXML
    private Pane resultPart;
    @FXML
    private Label notice;
    @FXML
    private Label resultHeadline;
    @FXML
    private Label resultDetail;
    @FXML
    private VBox feedbackBox;
    @FXML
    private Pane confirmBar;
    @FXML
    private Label confirmText;
    @FXML
    private Button confirmButton;
    @FXML
    private Button keepButton;
    @FXML
    private Pane takingActions;
    @FXML
    private Label unansweredLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button submitButton;

    private final QuizViewModel viewModel;
    private final QuizTexts texts = QuizTexts.current();
    private final Messages messages = texts.messages();
    private final Map<QuestionId, QuestionForm> forms = new LinkedHashMap<>();
    private final Timeline ticker = new Timeline(new KeyFrame(TICK, event -> tick()));

    public QuizPageView(QuizViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under the page's error line while it tells a failure (not a refused submission). */
    public void offerLog(ProblemLog log) {
        log.offerAfter(errorBanner, viewModel.errorIsFailureProperty());
    }

    /** Puts the keyboard focus where the page starts: the first question, or Back on a result. */
    public void focus() {
        // A scroll pane puts its content in the scene only once it has a skin: make it now, or the focus is lost.
        root.applyCss();
        root.layout();
        switch (viewModel.phaseProperty().get()) {
            case TAKING -> forms.values().stream().map(QuestionForm::firstInput).filter(Objects::nonNull).findFirst()
                    .ifPresentOrElse(Node::requestFocus, submitButton::requestFocus);
            case RESULT -> backButton.requestFocus();
            case LIST -> {
            }
        }
    }

    @FXML
    private void initialize() {
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        BoundLabels.sayOrHide(errorBanner, viewModel.errorProperty());
        questionPart.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.TAKING));
        questionPart.managedProperty().bind(questionPart.visibleProperty());
        resultPart.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.RESULT));
        resultPart.managedProperty().bind(resultPart.visibleProperty());
        // While the leave question is asked it is the one thing to answer (and, with large text, the room it needs).
        takingActions.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.TAKING)
                .and(viewModel.leaveQuestionProperty().isEmpty()));
        takingActions.managedProperty().bind(takingActions.visibleProperty());
        backButton.setOnAction(event -> viewModel.backToLesson());
        attemptInfo.textProperty().bind(viewModel.attemptInfoProperty());

        initCountdown();
        initLeaving();
        initTaking();
        initResult();
        viewModel.phaseProperty().addListener((property, old, phase) -> Platform.runLater(this::focus));
    }

    private void initCountdown() {
        BoundLabels.sayOrHide(countdown, viewModel.timeLeftTextProperty());
        viewModel.timeRunningOutProperty().addListener((property, old, runningOut) -> {
            countdown.getStyleClass().remove("running-out");
            if (runningOut) {
                countdown.getStyleClass().add("running-out");
            }
        });
        viewModel.timeLeftProperty().addListener((property, old, left) -> countdown.setAccessibleText(
                left == null ? null : messages.format("countdown.accessible", left.toMinutes(), left.toSecondsPart())));
        ticker.setCycleCount(Animation.INDEFINITE);
        viewModel.phaseProperty().addListener((property, old, phase) -> {
            if (phase == Phase.TAKING) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    private void tick() {
        viewModel.tick();
        if (viewModel.phaseProperty().get() != Phase.TAKING) {
            ticker.stop();
        }
    }

    private void initLeaving() {
        leaveText.textProperty().bind(viewModel.leaveQuestionProperty());
        leaveBar.visibleProperty().bind(viewModel.leaveQuestionProperty().isNotEmpty());
        leaveBar.managedProperty().bind(leaveBar.visibleProperty());
        // Staying is the safe answer, so it has the focus and Enter; Esc stays too (the key filter below).
        viewModel.leaveQuestionProperty().addListener((property, old, text) -> {
            if (!text.isEmpty()) {
                Platform.runLater(stayButton::requestFocus);
            }
        });
        stayButton.defaultButtonProperty().bind(leaveBar.visibleProperty());
        stayButton.setOnAction(event -> {
            viewModel.stay();
            focus();
        });
        leaveButton.setOnAction(event -> viewModel.confirmLeave());
    }

    private void initTaking() {
        viewModel.activeQuizProperty().addListener((property, old, quiz) -> buildQuestions(quiz));
        // The question before submitting says how many are unanswered; the count gives it the room meanwhile.
        unansweredLabel.visibleProperty().bind(viewModel.confirmationProperty().isEmpty());
        unansweredLabel.managedProperty().bind(unansweredLabel.visibleProperty());
        unansweredLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("page.unanswered", viewModel.unansweredProperty().get()), viewModel.unansweredProperty()));
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
        cancelButton.setOnAction(event -> viewModel.backToLesson());
        viewModel.problems().addListener((MapChangeListener<QuestionId, String>) change -> {
            QuestionForm form = forms.get(change.getKey());
            if (form != null) {
                form.showProblem(change.wasAdded() ? change.getValueAdded() : null);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !viewModel.leaveQuestionProperty().get().isEmpty()) {
                viewModel.stay();
                focus();
                event.consume();
            } else if (viewModel.phaseProperty().get() != Phase.TAKING) {
                return;
            } else if (SUBMIT.match(event)) {
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
        instructions.setVisible(text != null && !text.isBlank());
        instructions.setManaged(instructions.isVisible());
        List<QuizQuestion> questions = quiz.questions();
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion question = questions.get(i);
            QuestionForm form = new QuestionForm(question, i + 1, answer -> viewModel.answer(question.id(), answer),
                    texts);
            forms.put(question.id(), form);
            questionBox.getChildren().add(form.node());
        }
        pageScroll.setVvalue(0);
    }

    private void initResult() {
        resultHeadline.textProperty().bind(viewModel.outcomeProperty().map(QuizOutcome::headline).orElse(""));
        resultDetail.textProperty().bind(viewModel.outcomeProperty().map(QuizOutcome::detail).orElse(""));
        BoundLabels.sayOrHide(notice, viewModel.noticeProperty());
        viewModel.outcomeProperty().addListener((property, old, outcome) -> showFeedback(outcome));
    }

    private void showFeedback(QuizOutcome outcome) {
        feedbackBox.getChildren().clear();
        if (outcome == null) {
            return;
        }
        pageScroll.setVvalue(0);
        for (QuestionFeedback feedback : outcome.feedback()) {
            feedbackBox.getChildren().add(feedbackCard(feedback));
        }
    }

    private Node feedbackCard(QuestionFeedback feedback) {
        Label question = wrapped(messages.format("question.text", feedback.number(), feedback.question()), "question-text");
        Label verdict = wrapped(feedback.verdict(), verdictStyle(feedback.verdict()));
        verdict.setId("verdict-" + feedback.number());
        VBox card = new VBox(3, question, verdict, wrapped(messages.format("review.yourAnswer", feedback.yourAnswer()),
                "quiz-info"));
        if (!feedback.correctAnswer().isEmpty()) {
            Label correct = wrapped(messages.format("review.correctAnswer", feedback.correctAnswer()),
                    "quiz-instructions");
            correct.setId("correct-" + feedback.number());
            card.getChildren().add(correct);
        }
        if (!feedback.explanation().isEmpty()) {
            card.getChildren().add(wrapped(feedback.explanation(), "quiz-info"));
        }
        card.setFocusTraversable(false);
        return card;
    }

    /** The colour of a verdict, which the outcome words in the learner's language. */
    private String verdictStyle(String verdict) {
        if (verdict.equals(messages.get("verdict.CORRECT"))) {
            return "verdict-correct";
        }
        return verdict.equals(messages.get("verdict.INCORRECT")) ? "verdict-incorrect" : "verdict-not-scored";
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
