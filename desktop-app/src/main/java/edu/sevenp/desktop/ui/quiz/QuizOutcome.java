package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.QuizResult;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizScoring;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A submitted attempt as the result page shows it.
 *
 * @param headline the score and verdict, or that the attempt waits for the server
 * @param pending the attempt is at a graded quiz and waits for the server's grade
 * @param feedback one entry per question for a graded practice attempt; empty for a pending one
 */
public record QuizOutcome(String headline, String detail, boolean pending, boolean passed, List<QuestionFeedback> feedback) {

    static final String PENDING = "Submitted — it will be graded when you sync.";

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

    static QuizOutcome of(Quiz quiz, QuizResult result) {
        QuizAttempt attempt = result.attempt();
        String attemptText = "Attempt " + attempt.attemptNumber()
                + (quiz.attemptsAllowed() == null ? "" : " of " + quiz.attemptsAllowed()) + ".";
        if (attempt.pending() || result.grade().isEmpty()) {
            String detail = attempt.pending() ? attemptText + " Your answers are saved on this device."
                    : attemptText + " Nothing in this quiz can be scored automatically.";
            return new QuizOutcome(attempt.pending() ? PENDING : "Submitted.", detail, attempt.pending(), false, List.of());
        }
        QuizScoring.Grade grade = result.grade().get();
        String headline = "Score: " + QuizTexts.percent(grade.percentage()) + " (" + QuizTexts.plain(grade.score()) + " of "
                + QuizTexts.points(grade.maxScore()) + ") — " + (grade.passed() ? "Passed" : "Not passed");
        String detail = attemptText + " Passing score: " + QuizTexts.percent(quiz.passingScore()) + ".";
        return new QuizOutcome(headline, detail, false, grade.passed(),
                feedback(quiz, grade, attempt.responses(), result.correctAnswers()));
    }

    private static List<QuestionFeedback> feedback(Quiz quiz, QuizScoring.Grade grade, Map<QuestionId, Answer> responses,
            Map<QuestionId, AnswerKey> keys) {
        Map<QuestionId, QuizScoring.Outcome> outcomes = grade.results().stream()
                .collect(Collectors.toMap(QuizScoring.QuestionResult::questionId, QuizScoring.QuestionResult::outcome));
        return quiz.questions().stream().map(question -> {
            AnswerKey key = keys.get(question.id());
            return new QuestionFeedback(question.orderIndex(), question.text(),
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
