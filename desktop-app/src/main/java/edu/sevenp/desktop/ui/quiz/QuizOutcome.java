package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.QuizResult;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A submitted attempt as the result page shows it. A practice attempt shows its score and the review of each
 * question, never a verdict (it counts for nothing); an attempt at a graded quiz is "Awaiting grading" until the
 * server's grade reaches the device, then shows its score and whether it passed.
 *
 * @param headline the score (and a graded quiz's verdict), or that the attempt waits for the server
 * @param pending the attempt is at a graded quiz and waits for the server's grade
 * @param feedback one entry per question for a graded practice attempt; empty otherwise
 */
public record QuizOutcome(String headline, String detail, boolean pending, boolean passed, List<QuestionFeedback> feedback) {

    static final String AWAITING = "Awaiting grading";

    /**
     * How one question went.
     *
     * @param verdict "Correct", "Incorrect" or "Not scored"
     * @param correctAnswer empty when the quiz does not show its answers or the question has no key
     * @param explanation empty when there is none
     */
    public record QuestionFeedback(int number, String question, String yourAnswer, String verdict, String correctAnswer,
            String explanation) {
        public QuestionFeedback {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(yourAnswer, "yourAnswer");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(correctAnswer, "correctAnswer");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    public QuizOutcome {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        feedback = List.copyOf(feedback);
    }

    /** @param quiz with its questions in the order the attempt showed them */
    static QuizOutcome of(Quiz quiz, QuizResult result) {
        QuizAttempt attempt = result.attempt();
        String attemptText = attemptText(quiz, attempt);
        if (attempt.pending()) {
            return new QuizOutcome(AWAITING, attemptText + " Your answers are saved on this device; the server grades them"
                    + " when the player syncs, and the score shows here then.", true, false, List.of());
        }
        if (quiz.mode() == QuizMode.PRACTICE) {
            if (result.grade().isEmpty()) {
                return new QuizOutcome("Submitted.", attemptText + " Nothing in this quiz can be scored automatically.", false,
                        false, List.of());
            }
            QuizScoring.Grade grade = result.grade().get();
            return new QuizOutcome(score(grade.percentage(), grade.score(), grade.maxScore()),
                    attemptText + " Practice does not count towards your result: review each question below.", false,
                    grade.passed(), feedback(quiz, grade, attempt.responses(), result.correctAnswers()));
        }
        if (attempt.percentage() == null || attempt.score() == null || attempt.maxScore() == null) {
            return new QuizOutcome("Graded.", attemptText, false, attempt.passed(), List.of());
        }
        return new QuizOutcome(score(attempt.percentage(), attempt.score(), attempt.maxScore()) + " — "
                + (attempt.passed() ? "Passed" : "Not passed"),
                attemptText + " Passing score: " + QuizTexts.percent(quiz.passingScore()) + ".", false, attempt.passed(),
                List.of());
    }

    /** "Attempt 1 of 3 · 2 of 3 attempts left.", "Attempt 2." */
    private static String attemptText(Quiz quiz, QuizAttempt attempt) {
        if (quiz.attemptsAllowed() == null) {
            return "Attempt " + attempt.attemptNumber() + ".";
        }
        return "Attempt " + attempt.attemptNumber() + " of " + quiz.attemptsAllowed() + " · "
                + QuizTexts.attemptsLeft(quiz.attemptsAllowed() - attempt.attemptNumber(), quiz.attemptsAllowed()) + ".";
    }

    private static String score(BigDecimal percentage, BigDecimal score, BigDecimal maxScore) {
        return "Score: " + QuizTexts.percent(percentage) + " (" + QuizTexts.plain(score) + " of " + QuizTexts.points(maxScore)
                + ")";
    }

    private static List<QuestionFeedback> feedback(Quiz quiz, QuizScoring.Grade grade, Map<QuestionId, Answer> responses,
            Map<QuestionId, AnswerKey> keys) {
        Map<QuestionId, QuizScoring.Outcome> outcomes = grade.results().stream()
                .collect(Collectors.toMap(QuizScoring.QuestionResult::questionId, QuizScoring.QuestionResult::outcome));
        List<QuizQuestion> questions = quiz.questions();
        return java.util.stream.IntStream.range(0, questions.size()).mapToObj(index -> {
            QuizQuestion question = questions.get(index);
            AnswerKey key = keys.get(question.id());
            return new QuestionFeedback(index + 1, question.text(),
                    QuizTexts.answer(responses.get(question.id())), verdict(outcomes.get(question.id())),
                    QuizTexts.key(question.type(), key), key == null || key.explanation() == null ? "" : key.explanation());
        }).toList();
    }

    private static String verdict(QuizScoring.Outcome outcome) {
        if (outcome == null) {
            return "Not scored";
        }
        return switch (outcome) {
            case CORRECT -> "Correct";
            case INCORRECT -> "Incorrect";
            case NOT_SCORED -> "Not scored";
        };
    }
}
