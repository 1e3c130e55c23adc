package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuizRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("quizzes-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final QuizRepository quizzes = store.quizzes();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aQuizComesWithItsQuestionsInOrderAndNoAnswers() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Joins practice", QuizMode.PRACTICE, null);
        QuestionId first = fixture.question(quiz, "Which join keeps left rows?", QuestionType.MULTIPLE_CHOICE, "2",
                "[\"INNER\", \"LEFT\"]", "\"LEFT\"", "LEFT keeps them.");
        QuestionId second = fixture.question(quiz, "CROSS JOIN is a product?", QuestionType.TRUE_FALSE, "1", null, "true", null);

        assertThat(quizzes.quiz(quiz)).contains(new Quiz(quiz, course.id(), course.lesson(0), "Joins practice", null, null,
                QuizMode.PRACTICE, null, null, new BigDecimal("70.00"), false, true, false, true, List.of(
                        new QuizQuestion(first, "Which join keeps left rows?", QuestionType.MULTIPLE_CHOICE,
                                new BigDecimal("2.00"), 1, List.of("INNER", "LEFT")),
                        new QuizQuestion(second, "CROSS JOIN is a product?", QuestionType.TRUE_FALSE,
                                new BigDecimal("1.00"), 2, List.of()))));
        assertThat(quizzes.forLesson(course.lesson(0))).extracting(Quiz::id).containsExactly(quiz);
    }

    @Test
    void aCourseWideQuizIsListedForTheCourseAndForNoLesson() {
        QuizId lessonQuiz = fixture.quiz(course, course.lesson(0), "Joins practice", QuizMode.PRACTICE, null);
        QuizId finalExam = fixture.quiz(course, null, "Final exam", QuizMode.GRADED, 1);

        assertThat(quizzes.courseWide(course.id())).extracting(Quiz::id).containsExactly(finalExam);
        assertThat(quizzes.forLesson(course.lesson(0))).extracting(Quiz::id).containsExactly(lessonQuiz);
    }

    @Test
    void aPracticeQuizHasItsAnswerKeysInEveryShape() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Practice", QuizMode.PRACTICE, null);
        QuestionId single = fixture.question(quiz, "q1", QuestionType.MULTIPLE_CHOICE, "1", "[\"a\", \"b\"]", "\"b\"", "why");
        QuestionId several = fixture.question(quiz, "q2", QuestionType.MULTIPLE_CHOICE, "1", "[\"a\", \"b\", \"c\"]",
                "[\"a\", \"c\"]", null);
        QuestionId truth = fixture.question(quiz, "q3", QuestionType.TRUE_FALSE, "1", null, "false", null);
        QuestionId truthAsText = fixture.question(quiz, "q4", QuestionType.TRUE_FALSE, "1", null, "\"true\"", null);
        QuestionId text = fixture.question(quiz, "q5", QuestionType.SHORT_ANSWER, "1", null, "[\"LEFT JOIN\", \"left outer join\"]",
                null);
        fixture.question(quiz, "q6", QuestionType.ESSAY, "1", null, null, null);

        assertThat(quizzes.answerKeys(quiz)).isEqualTo(Map.of(
                single, new AnswerKey(List.of("b"), null, "why"),
                several, new AnswerKey(List.of("a", "c"), null, null),
                truth, new AnswerKey(List.of(), false, null),
                truthAsText, new AnswerKey(List.of(), true, null),
                text, new AnswerKey(List.of("LEFT JOIN", "left outer join"), null, null)));
    }

    @Test
    void aGradedQuizHasNoAnswerKeysOnTheDeviceEvenIfARowHoldsOne() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Exam", QuizMode.GRADED, 1);
        fixture.question(quiz, "q", QuestionType.TRUE_FALSE, "1", null, "true", null);

        assertThat(quizzes.answerKeys(quiz)).isEmpty();
    }

    @Test
    void attemptsAreNumberedUpToTheLimitAndThenRefused() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Exam", QuizMode.GRADED, 2);

        assertThat(((QuizSubmission.Stored) submit(quiz, null)).attempt().attemptNumber()).isEqualTo(1);
        assertThat(((QuizSubmission.Stored) submit(quiz, null)).attempt().attemptNumber()).isEqualTo(2);
        assertThat(submit(quiz, null)).isEqualTo(new QuizSubmission.LimitReached(2));
        assertThat(quizzes.attempts(learner, quiz)).extracting(QuizAttempt::attemptNumber).containsExactly(1, 2);
    }

    @Test
    void aClosedOrUnknownQuizTakesNoAttempt() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Old exam", QuizMode.GRADED, null);
        fixture.closeQuiz(quiz);

        assertThat(submit(quiz, null)).isEqualTo(new QuizSubmission.Closed());
        assertThat(submit(QuizId.random(), null)).isEqualTo(new QuizSubmission.UnknownQuiz());
        assertThat(fixture.count(QUIZ_ATTEMPTS)).isZero();
    }

    @Test
    void aGradedQuizsAttemptIsStoredSubmittedWithoutAScoreEvenIfGiven() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Exam", QuizMode.GRADED, null);
        QuizScoring.Grade grade = new QuizScoring.Grade(List.of(), BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("100"), true);

        QuizAttempt attempt = ((QuizSubmission.Stored) submit(quiz, grade)).attempt();

        assertThat(List.of(attempt.status(), attempt.passed())).containsExactly(AttemptStatus.SUBMITTED, false);
        assertThat(attempt.score()).isNull();
    }

    @Test
    void aPracticeAttemptIsStoredGradedWithItsAnswers() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Practice", QuizMode.PRACTICE, null);
        QuestionId question = fixture.question(quiz, "q", QuestionType.SHORT_ANSWER, "1", null, "\"x\"", null);
        QuizAttemptId id = QuizAttemptId.random();
        QuizScoring.Grade grade = new QuizScoring.Grade(List.of(), new BigDecimal("1.00"), new BigDecimal("1.00"),
                new BigDecimal("100.00"), true);

        quizzes.submit(learner, new QuizSubmission(id, quiz, MONDAY, MONDAY.plusSeconds(75),
                Map.of(question, Answer.text(" X ")), grade));

        assertThat(quizzes.attempts(learner, quiz)).containsExactly(new QuizAttempt(id, quiz, learner, 1,
                AttemptStatus.GRADED, MONDAY, MONDAY.plusSeconds(75), 75, new BigDecimal("1.00"), new BigDecimal("1.00"),
                new BigDecimal("100.00"), true, Map.of(question, Answer.text(" X "))));
    }

    private QuizSubmission.Outcome submit(QuizId quiz, QuizScoring.Grade grade) {
        return quizzes.submit(learner, new QuizSubmission(QuizAttemptId.random(), quiz, MONDAY, MONDAY, Map.of(), grade));
    }
}
