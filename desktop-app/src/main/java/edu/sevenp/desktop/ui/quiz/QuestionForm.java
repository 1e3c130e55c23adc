package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The controls of one question, by its type: check boxes for multiple choice (the device cannot know how
 * many options are right, so any number may be ticked), two radio buttons for true/false, a text field
 * for a short answer and a text area for an essay. Every change is handed to {@code onAnswer}.
 * Control ids are {@code q<order>-option-<i>}, {@code q<order>-true}/{@code -false} and {@code q<order>-text}, by
 * the question's order in the quiz; the question box is {@code question-<order>}.
 */
final class QuestionForm {

    private final VBox box = new VBox(6);
    private final Label problem = new Label();
    private final QuizTexts texts;
    private Node firstInput;

    /**
     * @param number the question's place in the attempt, as the learner reads it (a shuffled attempt numbers its
     *     questions as it shows them; the control ids keep the quiz's own order)
     * @param texts the learner's language
     */
    QuestionForm(QuizQuestion question, int number, Consumer<Answer> onAnswer, QuizTexts texts) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(onAnswer, "onAnswer");
        this.texts = Objects.requireNonNull(texts, "texts");
        String prefix = "q" + question.orderIndex();
        Label text = new Label(texts.messages().format("question.text", number, question.text()));
        text.setWrapText(true);
        text.getStyleClass().add("question-text");
        Label points = new Label(texts.messages().format("question.hint", texts.points(question.points()),
                texts.messages().get("hint." + question.type().name())));
        points.getStyleClass().add("question-hint");
        points.setWrapText(true);
        problem.getStyleClass().add("question-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        box.getStyleClass().add("question");
        box.setId("question-" + question.orderIndex());
        box.getChildren().addAll(text, points);
        switch (question.type()) {
            case MULTIPLE_CHOICE -> choices(question, prefix, onAnswer);
            case TRUE_FALSE -> trueFalse(prefix, onAnswer, text.getText());
            case SHORT_ANSWER -> shortAnswer(prefix, onAnswer, text.getText());
            case ESSAY -> essay(prefix, onAnswer, text.getText());
        }
        box.getChildren().add(problem);
    }

    private void choices(QuizQuestion question, String prefix, Consumer<Answer> onAnswer) {
        List<CheckBox> boxes = new ArrayList<>();
        for (int i = 0; i < question.options().size(); i++) {
            CheckBox option = new CheckBox(question.options().get(i));
            option.setId(prefix + "-option-" + (i + 1));
            option.setWrapText(true);
            option.setMnemonicParsing(false);
            option.selectedProperty().addListener((property, old, selected) -> onAnswer.accept(Answer.choices(
                    boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList())));
            boxes.add(option);
        }
        box.getChildren().addAll(boxes);
        firstInput = boxes.isEmpty() ? null : boxes.get(0);
    }

    private void trueFalse(String prefix, Consumer<Answer> onAnswer, String question) {
        ToggleGroup group = new ToggleGroup();
        RadioButton yes = new RadioButton(texts.messages().get("answer.true"));
        yes.setId(prefix + "-true");
        RadioButton no = new RadioButton(texts.messages().get("answer.false"));
        no.setId(prefix + "-false");
        for (RadioButton button : List.of(yes, no)) {
            button.setToggleGroup(group);
            button.setMnemonicParsing(false);
            button.setAccessibleHelp(question);
        }
        group.selectedToggleProperty().addListener((property, old, chosen) ->
                onAnswer.accept(chosen == null ? null : Answer.trueFalse(chosen == yes)));
        box.getChildren().addAll(yes, no);
        firstInput = yes;
    }

    private void shortAnswer(String prefix, Consumer<Answer> onAnswer, String question) {
        TextField field = new TextField();
        field.setId(prefix + "-text");
        field.setAccessibleText(question);
        field.setPromptText(texts.messages().get("answer.prompt"));
        field.textProperty().addListener((property, old, text) -> onAnswer.accept(Answer.text(text)));
        box.getChildren().add(field);
        firstInput = field;
    }

    private void essay(String prefix, Consumer<Answer> onAnswer, String question) {
        TextArea area = new TextArea();
        area.setId(prefix + "-text");
        area.setAccessibleText(question);
        area.setPromptText(texts.messages().get("answer.prompt"));
        area.setWrapText(true);
        area.setPrefRowCount(6);
        area.textProperty().addListener((property, old, text) -> onAnswer.accept(Answer.text(text)));
        // Tab leaves the essay as it leaves any other field (Ctrl+Tab is the text area's own way out).
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true,
                        false, false));
            }
        });
        box.getChildren().add(area);
        firstInput = area;
    }

    Node node() {
        return box;
    }

    /** The control to focus when the question is the first one. */
    Node firstInput() {
        return firstInput;
    }

    /** Shows what the service refused in this answer; null or empty hides it. */
    void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null && !message.isEmpty());
    }
}
