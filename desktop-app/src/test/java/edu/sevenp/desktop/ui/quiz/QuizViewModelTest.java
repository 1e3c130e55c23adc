package edu.sevenp.desktop.ui.quiz;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FIRST_LESSON;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.SECTION_1_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.QuizService;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.quiz.QuizOutcome.QuestionFeedback;
import edu.sevenp.desktop.ui.quiz.QuizViewModel.Phase;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuizViewModelTest {

    private static final String FACT_ONCE = "It stores each fact once, so a course title lives in one row of the courses table";

    private final SampleCourseStore sample = SampleCourseStore.open();
    private final QuizService quizzes = sample.learning().quizzes();
    private final QuizViewModel viewModel = new QuizViewModel(quizzes, UiExecutors.sameThread(), SampleCourseStore.CLOCK);

    @AfterEach
    void close() {
        sample.close();
    }

    private QuestionId question(QuizId quiz, int order) {
        return quizzes.quiz(quiz).quiz().questions().stream().filter(q -> q.orderIndex() == order)
                .map(QuizQuestion::id).findFirst().orElseThrow();
    }

    private void answerReviewCorrectlyButQuestion3() {
        viewModel.answer(question(SECTION_1_REVIEW, 1), Answer.choice(FACT_ONCE));
        viewModel.answer(question(SECTION_1_REVIEW, 2), Answer.trueFalse(false));
        viewModel.answer(question(SECTION_1_REVIEW, 3), Answer.choice("REAL"));
        viewModel.answer(question(SECTION_1_REVIEW, 4), Answer.choice("(student_id, course_id)"));
        viewModel.answer(question(SECTION_1_REVIEW, 5), Answer.text("  Natural key "));
        viewModel.answer(question(SECTION_1_REVIEW, 6), Answer.trueFalse(true));
    }

    @Test
    void aLessonListsItsPracticeQuizWithNoAttemptsYet() {
        viewModel.showLesson(KEYS_LESSON);

        assertThat(viewModel.quizzes()).containsExactly(new QuizSummary(SECTION_1_REVIEW, "Section 1 review: tables and keys",
                "Check what you learned about why databases exist, how tables are built and how keys identify rows.",
                QuizMode.PRACTICE, 6, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0, true));
        QuizSummary review = viewModel.quizzes().get(0);
        assertThat(List.of(review.modeText(), review.attemptsText(), review.scoreText()))
                .containsExactly("Practice", "Unlimited attempts", "Not attempted");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
    }

    @Test
    void withItsCourseALessonAlsoListsTheCoursesFinalExam() {
        viewModel.showLesson(SampleCourseStore.COURSE, KEYS_LESSON);

        assertThat(viewModel.quizzes()).extracting(QuizSummary::id).containsExactly(SECTION_1_REVIEW, FINAL_EXAM);
    }

    @Test
    void aLessonWithoutQuizzesSaysSo() {
        viewModel.showLesson(FIRST_LESSON);

        assertThat(viewModel.quizzes()).isEmpty();
        assertThat(viewModel.emptyMessageProperty().get()).isEqualTo("This lesson has no quiz.");
    }

    @Test
    void aPracticeAttemptShowsTheScoreAndEachQuestionsCorrectAnswer() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        answerReviewCorrectlyButQuestion3();

        viewModel.submit();

        QuizOutcome outcome = viewModel.outcomeProperty().get();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RESULT);
        assertThat(List.of(outcome.headline(), outcome.detail())).containsExactly("Score: 83.33 % (5 of 6 points)",
                "Attempt 1. Practice does not count towards your result: review each question below.");
        assertThat(outcome.feedback().get(2)).isEqualTo(new QuestionFeedback(3,
                "Which data type should a column of money amounts, such as 19.99, have?", "REAL", "Incorrect",
                "NUMERIC(10, 2)", "NUMERIC stores exact decimals. Floating-point types such as REAL and DOUBLE PRECISION "
                        + "cannot represent values like 0.10 exactly, and text cannot be added up."));
        assertThat(outcome.feedback()).extracting(QuestionFeedback::verdict)
                .containsExactly("Correct", "Correct", "Incorrect", "Correct", "Correct", "Correct");
        QuizAttempt stored = quizzes.attempts(SECTION_1_REVIEW).get(0);
        assertThat(List.of(stored.status(), stored.percentage(), stored.passed()))
                .containsExactly(AttemptStatus.GRADED, new BigDecimal("83.33"), true);
    }

    @Test
    void backAtTheListTheAttemptAndBestScoreShow() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        answerReviewCorrectlyButQuestion3();
        viewModel.submit();

        viewModel.backToLesson();

        QuizSummary review = viewModel.quizzes().get(0);
        assertThat(List.of(review.attemptsText(), review.scoreText()))
                .containsExactly("1 attempt so far · unlimited", "Best score: 83.33 %");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
    }

    @Test
    void submittingWithUnansweredQuestionsAsksFirst() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        viewModel.answer(question(SECTION_1_REVIEW, 1), Answer.choice(FACT_ONCE));
        viewModel.answer(question(SECTION_1_REVIEW, 5), Answer.text("   "));

        viewModel.submit();

        assertThat(viewModel.confirmationProperty().get()).isEqualTo("5 of 6 questions are unanswered. Submit anyway?");
        assertThat(quizzes.attempts(SECTION_1_REVIEW)).isEmpty();
        viewModel.cancelSubmit();
        assertThat(viewModel.confirmationProperty().get()).isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
    }

    @Test
    void confirmingSubmitsWhatWasAnswered() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        viewModel.answer(question(SECTION_1_REVIEW, 1), Answer.choice(FACT_ONCE));
        viewModel.submit();

        viewModel.confirmSubmit();

        // A practice quiz never says "Not passed": the score and the review of each question.
        assertThat(viewModel.outcomeProperty().get().headline()).isEqualTo("Score: 16.67 % (1 of 6 points)");
        assertThat(viewModel.outcomeProperty().get().feedback()).hasSize(6);
        assertThat(quizzes.attempts(SECTION_1_REVIEW).get(0).responses())
                .isEqualTo(Map.of(question(SECTION_1_REVIEW, 1), Answer.choice(FACT_ONCE)));
    }

    @Test
    void aGradedQuizIsSubmittedPendingTheServer() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        viewModel.answer(question(FINAL_EXAM, 3), Answer.trueFalse(false));
        viewModel.submit();

        viewModel.confirmSubmit();

        QuizOutcome outcome = viewModel.outcomeProperty().get();
        assertThat(outcome).isEqualTo(new QuizOutcome("Awaiting grading", "Attempt 1 of 3 · 2 of 3 attempts left. Your"
                + " answers are saved on this device; the server grades them when the player syncs, and the score shows"
                + " here then.", true, false, List.of()));
        assertThat(quizzes.attempts(FINAL_EXAM)).extracting(QuizAttempt::status).containsExactly(AttemptStatus.SUBMITTED);
        viewModel.backToLesson();
        QuizSummary exam = viewModel.quizzes().get(0);
        assertThat(List.of(exam.modeText(), exam.attemptsText(), exam.scoreText()))
                .containsExactly("Graded", "2 of 3 attempts left", "Awaiting grading");
    }

    @Test
    void theAttemptLimitIsExplainedAndTheAnswersKept() {
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        Answer falseAnswer = Answer.trueFalse(false);
        viewModel.answer(question(FINAL_EXAM, 3), falseAnswer);
        for (int i = 0; i < 3; i++) {
            quizzes.submit(FINAL_EXAM, Map.of(), OffsetDateTime.parse("2025-03-03T08:00:00Z"));
        }

        viewModel.submit();
        viewModel.confirmSubmit();

        assertThat(viewModel.errorProperty().get()).isEqualTo("You have used all 3 attempts at \"Final exam: Introduction "
                + "to Relational Databases\"; no more attempts are allowed. Your answers were not submitted.");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.TAKING);
        assertThat(viewModel.answers()).isEqualTo(Map.of(question(FINAL_EXAM, 3), falseAnswer));
    }

    @Test
    void startingAQuizWithNoAttemptsLeftIsRefused() {
        for (int i = 0; i < 3; i++) {
            quizzes.submit(FINAL_EXAM, Map.of(), OffsetDateTime.parse("2025-03-03T08:00:00Z"));
        }
        viewModel.showQuiz(FINAL_EXAM);

        viewModel.start(FINAL_EXAM);

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
        assertThat(viewModel.listErrorProperty().get())
                .isEqualTo("You have used every attempt at \"Final exam: Introduction to Relational Databases\".");
        assertThat(viewModel.quizzes().get(0).canAttempt()).isFalse();
        assertThat(viewModel.quizzes().get(0).attemptsText()).isEqualTo("No attempts left (3 allowed)");
    }

    @Test
    void aRefusedAnswerIsMarkedOnItsQuestionAndKept() {
        viewModel.showLesson(KEYS_LESSON);
        viewModel.start(SECTION_1_REVIEW);
        QuestionId shortAnswer = question(SECTION_1_REVIEW, 5);
        Answer tooLong = Answer.text("natural ".repeat(200));
        viewModel.answer(shortAnswer, tooLong);
        viewModel.submit();

        viewModel.confirmSubmit();

        assertThat(viewModel.problems()).isEqualTo(Map.of(shortAnswer,
                "Question 5's answer can be at most 1,000 characters long; this one has 1,600."));
        assertThat(viewModel.errorProperty().get()).startsWith("Please check your answers: ");
        assertThat(viewModel.answers()).isEqualTo(Map.of(shortAnswer, tooLong));
        assertThat(quizzes.attempts(SECTION_1_REVIEW)).isEmpty();
    }
}
