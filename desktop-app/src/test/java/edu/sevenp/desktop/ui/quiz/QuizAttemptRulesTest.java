package edu.sevenp.desktop.ui.quiz;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.SECTION_1_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.QuizService;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.quiz.QuizViewModel.Phase;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Time limits, shuffled questions, attempts left, leaving a graded attempt and practice wording. */
class QuizAttemptRulesTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-03T09:00:00Z"));
    private final SampleCourseStore sample = SampleCourseStore.open(clock);
    private final QuizService quizzes = sample.learning().quizzes();
    private final QuizViewModel viewModel = new QuizViewModel(quizzes, UiExecutors.sameThread(), clock);

    @AfterEach
    void close() {
        sample.close();
    }

    private List<QuestionId> shownOrder() {
        return viewModel.activeQuizProperty().get().questions().stream().map(QuizQuestion::id).toList();
    }

    private List<QuestionId> quizOrder() {
        return quizzes.quiz(SECTION_1_REVIEW).quiz().questions().stream().map(QuizQuestion::id).toList();
    }

    private void randomize() {
        StoreAccess.dsl(sample.store()).update(COURSE_QUIZZES).set(COURSE_QUIZZES.RANDOMIZE_QUESTIONS, true)
                .where(COURSE_QUIZZES.ID.eq(SECTION_1_REVIEW.value())).execute();
    }

    @Test
    void aTimedAttemptCountsDownAndWarnsInItsLastMinute() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);

        assertThat(viewModel.timeLeftTextProperty().get()).isEqualTo("Time left: 30:00");
        assertThat(viewModel.attemptInfoProperty().get())
                .isEqualTo("Graded · Attempt 1 of 3 · 10 questions · time limit 30 min");
        clock.advance(Duration.ofMinutes(29).plusSeconds(20).plusMillis(300));
        viewModel.tick();

        assertThat(viewModel.timeLeftTextProperty().get()).isEqualTo("Time left: 0:40");
        assertThat(viewModel.timeRunningOutProperty().get()).isTrue();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
    }

    @Test
    void atZeroTheAnswersAreSubmittedAsTheyAreWithAClearMessage() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        QuestionId third = viewModel.activeQuizProperty().get().questions().get(2).id();
        viewModel.answer(third, Answer.trueFalse(false));
        viewModel.submit();
        assertThat(viewModel.confirmationProperty().get()).isNotEmpty();

        clock.advance(Duration.ofMinutes(30));
        viewModel.tick();
        viewModel.tick();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RESULT);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Time is up: your answers were submitted automatically.");
        assertThat(viewModel.confirmationProperty().get()).isEmpty();
        List<QuizAttempt> stored = quizzes.attempts(FINAL_EXAM);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).responses()).isEqualTo(Map.of(third, Answer.trueFalse(false)));
        assertThat(stored.get(0).timeTaken()).isEqualTo(1800);
        assertThat(viewModel.timeLeftTextProperty().get()).isEmpty();
    }

    @Test
    void aQuizWithoutATimeLimitShowsNoCountdown() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        clock.advance(Duration.ofHours(5));
        viewModel.tick();

        assertThat(viewModel.timeLeftProperty().get()).isNull();
        assertThat(viewModel.timeLeftTextProperty().get()).isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
    }

    @Test
    void aRandomizedQuizIsShuffledPerAttemptAndStaysInItsOrderWithinOne() {
        randomize();
        viewModel.showLesson(KEYS_LESSON);
        Set<List<QuestionId>> orders = new HashSet<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            viewModel.start(SECTION_1_REVIEW);
            List<QuestionId> order = shownOrder();
            assertThat(order).containsExactlyInAnyOrderElementsOf(quizOrder());
            assertThat(viewModel.attemptInfoProperty().get()).endsWith("· questions in random order");
            // Answering, and a refused submission, leave the order as it was.
            viewModel.answer(order.get(4), Answer.text("natural ".repeat(200)));
            viewModel.submit();
            viewModel.confirmSubmit();
            assertThat(viewModel.errorProperty().get()).startsWith("Please check your answers");
            assertThat(shownOrder()).isEqualTo(order);
            orders.add(order);
            viewModel.backToLesson();
        }
        // Six attempts of six questions (720 orders) all in one order would mean no shuffling.
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void theShuffleIsDrawnFromTheAttemptsId() {
        List<QuizQuestion> questions = quizzes.quiz(SECTION_1_REVIEW).quiz().questions();
        QuizAttemptId attempt = new QuizAttemptId(UUID.fromString("6f1c2b1e-58a4-4d0e-9a31-0c6f3f9a7d21"));

        assertThat(QuizViewModel.shuffled(questions, attempt)).isEqualTo(QuizViewModel.shuffled(questions, attempt))
                .containsExactlyInAnyOrderElementsOf(questions);
    }

    @Test
    void aShuffledPracticeAttemptIsReviewedInTheOrderItWasShown() {
        randomize();
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        List<String> shownTexts = viewModel.activeQuizProperty().get().questions().stream().map(QuizQuestion::text).toList();
        viewModel.submit();
        viewModel.confirmSubmit();

        assertThat(viewModel.outcomeProperty().get().feedback()).extracting(QuizOutcome.QuestionFeedback::question)
                .isEqualTo(shownTexts);
        assertThat(viewModel.outcomeProperty().get().feedback()).extracting(QuizOutcome.QuestionFeedback::number)
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void attemptsLeftAreCountedDownInTheListAndTheResult() {
        viewModel.showQuiz(FINAL_EXAM);
        assertThat(viewModel.quizzes().get(0).attemptsText()).isEqualTo("3 of 3 attempts left");

        List<String> results = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            viewModel.start(FINAL_EXAM);
            viewModel.submit();
            viewModel.confirmSubmit();
            results.add(viewModel.outcomeProperty().get().detail().split("\\.")[0]);
            lists.add(viewModel.quizzes().get(0).attemptsText());
        }

        assertThat(results).containsExactly("Attempt 1 of 3 · 2 of 3 attempts left", "Attempt 2 of 3 · 1 of 3 attempts left",
                "Attempt 3 of 3 · No attempts left (3 allowed)");
        assertThat(lists).containsExactly("2 of 3 attempts left", "1 of 3 attempts left", "No attempts left (3 allowed)");
    }

    @Test
    void leavingAGradedAttemptAsksFirstAndStayingKeepsIt() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        QuestionId first = shownOrder().get(0);
        viewModel.answer(first, Answer.choices(List.of("x")));
        AtomicInteger left = new AtomicInteger();

        boolean mayLeave = viewModel.mayLeave(left::incrementAndGet);

        assertThat(mayLeave).isFalse();
        assertThat(viewModel.leaveQuestionProperty().get()).isEqualTo("Leave \"Final exam: Introduction to Relational"
                + " Databases\" without submitting? Your answers will be lost and this attempt will not count. To keep"
                + " them, stay and submit.");
        viewModel.stay();
        assertThat(viewModel.leaveQuestionProperty().get()).isEmpty();
        assertThat(left).hasValue(0);
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
        assertThat(viewModel.answers()).containsOnlyKeys(first);
    }

    @Test
    void confirmingLeavesTheGradedAttemptUnsubmittedAndDoesWhatWasAsked() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        AtomicInteger left = new AtomicInteger();
        viewModel.mayLeave(left::incrementAndGet);

        viewModel.confirmLeave();

        assertThat(left).hasValue(1);
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
        assertThat(viewModel.leaveQuestionProperty().get()).isEmpty();
        assertThat(quizzes.attempts(FINAL_EXAM)).isEmpty();
    }

    @Test
    void backToTheLessonFromAGradedAttemptAsksToo() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);

        viewModel.backToLesson();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
        viewModel.confirmLeave();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
    }

    @Test
    void aPracticeAttemptOrAResultIsLeftWithoutAQuestion() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        assertThat(viewModel.mayLeave(() -> { })).isTrue();

        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        viewModel.submit();
        viewModel.confirmSubmit();
        assertThat(viewModel.mayLeave(() -> { })).isTrue();
        assertThat(viewModel.leaveQuestionProperty().get()).isEmpty();
    }

    @Test
    void startingAnotherQuizDuringAGradedAttemptAsksFirst() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);

        viewModel.start(SECTION_1_REVIEW);
        assertThat(viewModel.activeQuizProperty().get().id()).isEqualTo(FINAL_EXAM);
        viewModel.confirmLeave();

        assertThat(viewModel.activeQuizProperty().get().id()).isEqualTo(SECTION_1_REVIEW);
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
    }

}
