package edu.sevenp.desktop.ui.quiz;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.SECTION_1_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Takes quizzes of the bundled sample course in the quiz pane (headless, Monocle), with the keyboard. */
@ExtendWith(ApplicationExtension.class)
class QuizViewIT {

    private SampleCourseStore sample;
    private QuizViewModel viewModel;
    private QuizView view;

    @Start
    void start(Stage stage) {
        sample = SampleCourseStore.open();
        viewModel = new QuizViewModel(sample.learning().quizzes(), UiExecutors.sameThread(), SampleCourseStore.CLOCK);
        view = new QuizView(viewModel);
        stage.setScene(new Scene(view.root(), 900, 700));
        stage.show();
        viewModel.showLesson(KEYS_LESSON);
        view.focus();
    }

    @AfterEach
    void closeStore() {
        sample.close();
    }

    @Test
    void aPracticeQuizIsTakenWithTheKeyboardAndScored(FxRobot robot) {
        await(() -> robot.lookup("Section 1 review: tables and keys").tryQuery().isPresent(), "the quiz's cell");

        robot.type(KeyCode.ENTER);
        awaitFocusOn(robot, "#q1-option-1");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("#q1-option-2").queryAs(Node.class).isFocused()).isTrue();
        press(robot, "#q2-false", KeyCode.SPACE);
        press(robot, "#q3-option-1", KeyCode.SPACE);
        press(robot, "#q4-option-1", KeyCode.SPACE);
        focusOn(robot, "#q5-text");
        robot.write("natural key");
        press(robot, "#q6-true", KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        awaitLabel(robot, "#resultHeadline", "Score: 100 % (6 of 6 points) — Passed");
        assertThat(robot.lookup("#correct-3").queryAs(Label.class).getText()).isEqualTo("Correct answer: NUMERIC(10, 2)");
        List<QuizAttempt> attempts = sample.learning().quizzes().attempts(SECTION_1_REVIEW);
        assertThat(attempts).extracting(QuizAttempt::status, QuizAttempt::percentage)
                .containsExactly(tuple(AttemptStatus.GRADED, new BigDecimal("100.00")));
    }

    @Test
    void aGradedQuizWithUnansweredQuestionsIsConfirmedThenPending(FxRobot robot) {
        robot.interact(() -> {
            viewModel.showQuiz(FINAL_EXAM);
            view.focus();
        });
        robot.type(KeyCode.ENTER);
        awaitFocusOn(robot, "#q1-option-1");
        press(robot, "#q3-false", KeyCode.SPACE);

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitLabel(robot, "#confirmText", "9 of 10 questions are unanswered. Submit anyway?");
        robot.type(KeyCode.ENTER);

        awaitLabel(robot, "#resultHeadline", "Submitted — it will be graded when you sync.");
        assertThat(sample.learning().quizzes().attempts(FINAL_EXAM)).extracting(QuizAttempt::pending).containsExactly(true);
    }

    private static void focusOn(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
    }

    private static void press(FxRobot robot, String query, KeyCode key) {
        focusOn(robot, query);
        robot.type(key);
    }

    private static void awaitFocusOn(FxRobot robot, String query) {
        await(() -> robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false), "focus on " + query);
    }

    private static void awaitLabel(FxRobot robot, String query, String text) {
        await(() -> robot.lookup(query).tryQuery().map(node -> text.equals(((Label) node).getText())).orElse(false),
                query + " to read \"" + text + "\"");
    }

    private static void await(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
