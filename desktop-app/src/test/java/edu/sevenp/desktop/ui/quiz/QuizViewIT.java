package edu.sevenp.desktop.ui.quiz;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.SECTION_1_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizQuestion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quizzes of the bundled sample course in the real player window: listed in the side panel, taken in the main
 * pane where the lesson shows, with the keyboard; timed, shuffled, counted, and not left without a question.
 */
class QuizViewIT extends PlayerWindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openKeysLessonQuizzes(FxRobot robot) {
        robot.interact(() -> fixture.window.player().openLesson(fixture.sample, KEYS_LESSON));
        fixture.awaitPageContaining(robot, "Keys: Identifying Every Row");
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
            tabs.getTabs().stream().filter(tab -> "tab-quizzes".equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
        ListView<?> list = robot.lookup("#quizList").queryAs(ListView.class);
        await(() -> list.getItems().size() == 2, () -> "the quiz list shows " + list.getItems());
    }

    /** Chooses the quiz in the side panel's list and starts it with Enter. */
    private void startWithEnter(FxRobot robot, QuizId quiz) {
        ListView<?> list = robot.lookup("#quizList").queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((QuizSummary) list.getItems().get(i)).id().equals(quiz)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        robot.type(KeyCode.ENTER);
        await(() -> fixture.window.quizzes().phaseProperty().get() == QuizViewModel.Phase.TAKING,
                () -> "the attempt never started: " + fixture.window.quizzes().listErrorProperty().get());
    }

    private String summaryOf(FxRobot robot, QuizId quiz) {
        ListView<?> list = robot.lookup("#quizList").queryAs(ListView.class);
        return list.getItems().stream().map(QuizSummary.class::cast).filter(summary -> summary.id().equals(quiz))
                .map(QuizSummary::attemptsText).findFirst().orElse("(not listed)");
    }

    private void setQuiz(QuizId quiz, boolean randomize, Integer minutes) {
        StoreAccess.dsl(fixture.store).update(COURSE_QUIZZES).set(COURSE_QUIZZES.RANDOMIZE_QUESTIONS, randomize)
                .set(COURSE_QUIZZES.TIME_LIMIT, minutes).where(COURSE_QUIZZES.ID.eq(quiz.value())).execute();
    }

    @Test
    void aPracticeQuizIsTakenInTheMainPaneAndShowsItsScoreAndReviewWithoutAVerdict(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, SECTION_1_REVIEW);

        // The attempt has the lesson's place and width; the lesson waits behind it.
        Node page = robot.lookup("#quizPage").query();
        assertThat(page.isVisible()).isTrue();
        assertThat(fixture.window.view().isShowingLessonPage()).isFalse();
        assertThat(page.getLayoutBounds().getWidth()).isGreaterThan(520);
        awaitFocusOn(robot, "#q1-option-1");
        robot.type(KeyCode.SPACE);
        press(robot, "#q2-false", KeyCode.SPACE);
        press(robot, "#q3-option-1", KeyCode.SPACE);
        press(robot, "#q4-option-1", KeyCode.SPACE);
        focusOn(robot, "#q5-text");
        robot.write("natural key");
        press(robot, "#q6-true", KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        awaitLabel(robot, "#resultHeadline", "Score: 100 % (6 of 6 points)");
        assertThat(robot.lookup("#correct-3").queryAs(Label.class).getText()).isEqualTo("Correct answer: NUMERIC(10, 2)");
        assertThat(fixture.learning.quizzes().attempts(SECTION_1_REVIEW)).extracting(QuizAttempt::status,
                QuizAttempt::percentage).containsExactly(tuple(AttemptStatus.GRADED, new BigDecimal("100.00")));
        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        await(() -> fixture.window.view().isShowingLessonPage(), () -> "the lesson never came back");
        assertThat(robot.lookup("#quizPage").tryQuery()).isEmpty();
    }

    @Test
    void aPracticeAttemptThatFailsShowsItsScoreNeverNotPassed(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, SECTION_1_REVIEW);
        press(robot, "#q2-true", KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.type(KeyCode.ENTER);

        awaitLabel(robot, "#resultHeadline", "Score: 0 % (0 of 6 points)");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .noneMatch(text -> text != null && text.contains("Not passed"));
        assertThat(robot.lookup("#verdict-2").queryAs(Label.class).getText()).isEqualTo("Incorrect");
    }

    @Test
    void submittingWithUnansweredQuestionsAsksWithButtonsAtFullWidthThenAwaitsGrading(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        press(robot, "#q3-false", KeyCode.SPACE);

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitLabel(robot, "#confirmText", "9 of 10 questions are unanswered. Submit anyway?");
        for (String button : List.of("#confirmSubmit", "#keepAnswering", "#submitButton", "#leaveQuiz")) {
            Button shown = robot.lookup(button).queryAs(Button.class);
            assertThat(shown.getWidth()).as(button).isGreaterThanOrEqualTo(shown.prefWidth(-1) - 0.5);
        }
        robot.type(KeyCode.ENTER);

        awaitLabel(robot, "#resultHeadline", "Awaiting grading");
        assertThat(robot.lookup("#resultDetail").queryAs(Label.class).getText()).startsWith("Attempt 1 of 3 · 2 of 3 attempts left.");
        assertThat(fixture.learning.quizzes().attempts(FINAL_EXAM)).extracting(QuizAttempt::pending).containsExactly(true);
        await(() -> summaryOf(robot, FINAL_EXAM).equals("2 of 3 attempts left"), () -> summaryOf(robot, FINAL_EXAM));
    }

    @Test
    void aShortTimeLimitCountsDownAndSubmitsAtZeroWithAMessage(FxRobot robot) {
        setQuiz(FINAL_EXAM, false, 1);
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        awaitLabel(robot, "#countdown", "Time left: 1:00");
        press(robot, "#q3-true", KeyCode.SPACE);

        fixture.clock.advance(Duration.ofSeconds(45));
        awaitLabel(robot, "#countdown", "Time left: 0:15");
        assertThat(robot.lookup("#countdown").query().getStyleClass()).contains("running-out");
        fixture.clock.advance(Duration.ofSeconds(15));

        awaitLabel(robot, "#quizNotice", "Time is up: your answers were submitted automatically.");
        awaitLabel(robot, "#resultHeadline", "Awaiting grading");
        List<QuizAttempt> stored = fixture.learning.quizzes().attempts(FINAL_EXAM);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).timeTaken()).isEqualTo(60);
        assertThat(robot.lookup("#countdown").query().isVisible()).isFalse();
    }

    @Test
    void aRandomizedQuizShowsTheAttemptsOwnOrderNumberedAsShown(FxRobot robot) {
        setQuiz(SECTION_1_REVIEW, true, null);
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, SECTION_1_REVIEW);

        List<QuizQuestion> order = fixture.window.quizzes().activeQuizProperty().get().questions();
        Pane questions = (Pane) robot.lookup("#question-" + order.get(0).orderIndex()).query().getParent();
        assertThat(questions.getChildren()).extracting(Node::getId).containsExactlyElementsOf(
                order.stream().map(question -> "question-" + question.orderIndex()).toList());
        Label firstText = (Label) ((Pane) questions.getChildren().get(0)).getChildren().get(0);
        assertThat(firstText.getText()).isEqualTo("1. " + order.get(0).text());
        assertThat(robot.lookup("#attemptInfo").queryAs(Label.class).getText()).endsWith("questions in random order");
    }

    @Test
    void theListCountsTheAttemptsLeft(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        assertThat(summaryOf(robot, FINAL_EXAM)).isEqualTo("3 of 3 attempts left");
        assertThat(summaryOf(robot, SECTION_1_REVIEW)).isEqualTo("Unlimited attempts");
    }

    @Test
    void openingAnotherLessonDuringAGradedAttemptAsksAndEscStays(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        press(robot, "#q3-false", KeyCode.SPACE);

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        awaitLabel(robot, "#leaveText", "Leave \"Final exam: Introduction to Relational Databases\" without submitting?"
                + " Your answers will be lost and this attempt will not count. To keep them, stay and submit.");
        awaitFocusOn(robot, "#stay");
        robot.type(KeyCode.ESCAPE);

        await(() -> !robot.lookup("#leaveBar").query().isVisible(), () -> "the question stayed");
        assertThat(fixture.window.player().currentLessonProperty().get()).isEqualTo(KEYS_LESSON);
        assertThat(fixture.window.quizzes().phaseProperty().get()).isEqualTo(QuizViewModel.Phase.TAKING);
        assertThat(fixture.window.quizzes().answers()).hasSize(1);
    }

    @Test
    void confirmingLeavesForTheLessonAskedForAndTheAttemptDoesNotCount(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        await(() -> robot.lookup("#leaveBar").query().isVisible(), () -> "no question before leaving");
        robot.clickOn("#confirmLeave");

        fixture.awaitPageContaining(robot, "Your First Queries");
        assertThat(fixture.window.view().isShowingLessonPage()).isTrue();
        assertThat(fixture.learning.quizzes().attempts(FINAL_EXAM)).isEmpty();
    }

    @Test
    void closingTheWindowDuringAGradedAttemptAsksFirst(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        AtomicInteger closed = new AtomicInteger();

        boolean closesNow = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> fixture.window.mayClose(closed::incrementAndGet));

        assertThat(closesNow).isFalse();
        await(() -> robot.lookup("#leaveBar").query().isVisible(), () -> "no question before closing");
        robot.clickOn("#confirmLeave");
        await(() -> closed.get() == 1, () -> "the window was not closed after confirming");
    }

    @Test
    void aPracticeAttemptIsLeftWithoutAQuestion(FxRobot robot) {
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, SECTION_1_REVIEW);

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);

        fixture.awaitPageContaining(robot, "Your First Queries");
        assertThat(fixture.window.view().isShowingLessonPage()).isTrue();
    }

    @Test
    void anAttemptAwaitingGradingShowsItsScoreOnceSyncBringsTheServersGrade(FxRobot robot) {
        // The course has a stream, as a course from the server does, so the attempt is sent rather than held.
        fixture.store.sync().applyPull(answer(page(Streams.course(fixture.sample.value()), "1.1", List.of())));
        openKeysLessonQuizzes(robot);
        startWithEnter(robot, FINAL_EXAM);
        robot.clickOn("#submitButton");
        robot.clickOn("#confirmSubmit");
        awaitLabel(robot, "#resultHeadline", "Awaiting grading");
        QuizAttempt mine = fixture.learning.quizzes().attempts(FINAL_EXAM).get(0);

        // The push sends the attempt (with the lessons' progress before it); the server answers it with its grade.
        List<Outbox.Entry> sent = fixture.store.outbox().pending(100).stream()
                .filter(entry -> entry.entityId().equals(mine.id().value())).toList();
        OffsetDateTime now = OffsetDateTime.parse("2026-03-02T09:01:00Z");
        QuizAttemptRow graded = new QuizAttemptRow(mine.id().value(), FINAL_EXAM.value(), mine.userId().value(),
                mine.attemptNumber(), "graded", mine.startedAt(), mine.completedAt(), mine.timeTaken(), new BigDecimal("7.00"),
                new BigDecimal("10.00"), new BigDecimal("70.00"), true,
                JsonMapperFactory.create().valueToTree(mine.responses()), now, 2);
        fixture.store.sync().recordPushAnswer(sent, new PushResponse(now, sent.get(0).seq(), List.of(
                new ChangeResult(sent.get(0).seq(), ChangeStatus.APPLIED, "graded", List.of(graded), null))));
        robot.interact(() -> fixture.window.quizzes().gradesMayHaveChanged());

        awaitLabel(robot, "#resultHeadline", "Score: 70 % (7 of 10 points) — Passed");
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
        await(() -> robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false), () -> "no focus on " + query
                + "; it is on " + robot.lookup(query).tryQuery().map(node -> String.valueOf(node.getScene().getFocusOwner()))
                        .orElse("(no such node)"));
    }

    private static void awaitLabel(FxRobot robot, String query, String text) {
        await(() -> robot.lookup(query).tryQuery().map(node -> text.equals(((Label) node).getText())).orElse(false),
                () -> query + " reads \"" + robot.lookup(query).tryQuery().map(node -> ((Label) node).getText()).orElse("(none)")
                        + "\", not \"" + text + "\"");
    }
}
