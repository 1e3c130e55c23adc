package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizScoring.Outcome;
import edu.sevenp.model.quiz.QuizScoring.QuestionResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuizServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("quiz-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final QuizService quizzes = new QuizService(store.quizzes(), fixture.learner(), clock);

    private final QuizId practice = fixture.quiz(course, course.lesson(0), "Joins practice", QuizMode.PRACTICE, null);
    private final QuestionId which = fixture.question(practice, "Which join keeps every left row?",
            QuestionType.MULTIPLE_CHOICE, "2", "[\"INNER\", \"LEFT\", \"CROSS\"]", "\"LEFT\"", "LEFT JOIN keeps them.");
    private final QuestionId product = fixture.question(practice, "Is CROSS JOIN a Cartesian product?",
            QuestionType.TRUE_FALSE, "1", null, "true", "Every row with every row.");
    private final QuestionId name = fixture.question(practice, "Name the join that keeps both sides' rows.",
            QuestionType.SHORT_ANSWER, "1", null, "[\"full outer join\", \"full join\"]", null);
    private final QuestionId essay = fixture.question(practice, "When would you avoid a join?", QuestionType.ESSAY, "3",
            null, null, null);

    private final QuizId exam = fixture.quiz(course, course.lesson(0), "Joins exam", QuizMode.GRADED, 2);
    private final QuestionId examQuestion = fixture.question(exam, "Which join keeps every left row?",
            QuestionType.MULTIPLE_CHOICE, "1", "[\"INNER\", \"LEFT\"]", null, null);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPracticeAttemptIsGradedOnTheDeviceAndShowsTheAnswers() {
        OffsetDateTime started = clock.now();
        clock.advance(Duration.ofSeconds(95));

        QuizResult result = quizzes.submit(practice, Map.of(which, Answer.choice("LEFT"), product, Answer.trueFalse(false),
                name, Answer.text(" Full  JOIN"), essay, Answer.text("When one side is huge.")), started);

        assertThat(result.grade().orElseThrow().results()).containsExactly(
                new QuestionResult(which, Outcome.CORRECT, new BigDecimal("2.00")),
                new QuestionResult(product, Outcome.INCORRECT, BigDecimal.ZERO),
                new QuestionResult(name, Outcome.CORRECT, new BigDecimal("1.00")),
                new QuestionResult(essay, Outcome.NOT_SCORED, BigDecimal.ZERO));
        QuizAttempt attempt = result.attempt();
        assertThat(List.of(attempt.status(), attempt.score(), attempt.maxScore(), attempt.percentage(), attempt.passed(),
                attempt.timeTaken(), attempt.attemptNumber())).containsExactly(AttemptStatus.GRADED, new BigDecimal("3.00"),
                new BigDecimal("4.00"), new BigDecimal("75.00"), true, 95, 1);
        assertThat(result.correctAnswers()).containsEntry(product, new AnswerKey(List.of(), true, "Every row with every row."));
        assertThat(quizzes.attempts(practice)).containsExactly(attempt);
    }

    @Test
    void aGradedQuizsAttemptIsSubmittedWithoutAScoreAndWaitsForTheServer() {
        QuizResult result = quizzes.submit(exam, Map.of(examQuestion, Answer.choice("LEFT")), clock.now());

        assertThat(result.grade()).isEmpty();
        assertThat(result.correctAnswers()).isEmpty();
        assertThat(result.attempt().pending()).isTrue();
        assertThat(result.attempt().score()).isNull();
    }

    @Test
    void theAttemptLimitIsEnforcedWithAClearMessage() {
        quizzes.submit(exam, Map.of(), clock.now());
        quizzes.submit(exam, Map.of(), clock.now());

        assertThat(quizzes.quiz(exam).attemptsLeft()).contains(0);
        assertThat(quizzes.quiz(exam).canAttempt()).isFalse();
        assertThatThrownBy(() -> quizzes.submit(exam, Map.of(examQuestion, Answer.choice("LEFT")), clock.now()))
                .isInstanceOfSatisfying(AttemptLimitException.class, e -> assertThat(e.attemptsAllowed()).isEqualTo(2))
                .hasMessage("You have used all 2 attempts at \"Joins exam\"; no more attempts are allowed.");
        assertThat(quizzes.attempts(exam)).hasSize(2);
    }

    @Test
    void aQuizWithoutALimitHasNoCountOfAttemptsLeft() {
        QuizOverview overview = quizzes.quiz(practice);

        assertThat(overview.attemptsLeft()).isEqualTo(Optional.empty());
        assertThat(overview.canAttempt()).isTrue();
        assertThat(overview.quiz().questions()).extracting(question -> question.id()).containsExactly(which, product, name, essay);
    }

    @Test
    void aClosedQuizTakesNoAttempt() {
        fixture.closeQuiz(exam);

        assertThatThrownBy(() -> quizzes.submit(exam, Map.of(), clock.now()))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("\"Joins exam\" is closed and accepts no more attempts.");
    }

    @Test
    void answersThatDoNotFitTheirQuestionsAreRefusedWithNothingStored() {
        QuestionId foreign = QuestionId.random();

        assertThatThrownBy(() -> quizzes.submit(practice, Map.of(which, Answer.choice("OUTER"), product, Answer.text("yes"),
                foreign, Answer.trueFalse(true)), clock.now().plusMinutes(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        new Problem("startedAt", "An attempt cannot start in the future."),
                        new Problem("responses." + which, "Question 1: \"OUTER\" is not one of its choices."),
                        new Problem("responses." + product, "Question 2 needs true or false."),
                        new Problem("responses." + foreign,
                                "An answer belongs to a question that is not part of \"Joins practice\".")));
        assertThat(quizzes.attempts(practice)).isEmpty();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void aFinalExamOfTheWholeCourseIsListedWithTheCourseNotWithALesson() {
        QuizId finalExam = fixture.quiz(course, null, "Final exam", QuizMode.GRADED, 1);

        assertThat(quizzes.courseWide(course.id())).extracting(Quiz::id).containsExactly(finalExam);
        assertThat(quizzes.forLesson(course.lesson(0))).extracting(Quiz::id).containsExactly(exam, practice);
    }

    @Test
    void anUnknownQuizIsNotFound() {
        assertThatThrownBy(() -> quizzes.quiz(QuizId.random()))
                .isInstanceOf(NotFoundException.class).hasMessage("This quiz is not in your library.");
    }
}
