package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.QuizResult;
import edu.sevenp.desktop.ui.common.Messages;
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

    /**
     * @param quiz with its questions in the order the attempt showed them
     * @param texts the learner's language
     */
    static QuizOutcome of(Quiz quiz, QuizResult result, QuizTexts texts) {
        Messages messages = texts.messages();
        QuizAttempt attempt = result.attempt();
        String attemptText = attemptText(quiz, attempt, texts);
        if (attempt.pending()) {
            return new QuizOutcome(messages.get("awaiting"), messages.format("outcome.awaiting", attemptText), true, false,
                    List.of());
        }
        if (quiz.mode() == QuizMode.PRACTICE) {
            if (result.grade().isEmpty()) {
                return new QuizOutcome(messages.get("outcome.submitted"), messages.format("outcome.unscorable", attemptText),
                        false, false, List.of());
            }
            QuizScoring.Grade grade = result.grade().get();
            return new QuizOutcome(score(grade.percentage(), grade.score(), grade.maxScore(), texts),
                    messages.format("outcome.practice", attemptText), false, grade.passed(),
                    feedback(quiz, grade, attempt.responses(), result.correctAnswers(), texts));
        }
        if (attempt.percentage() == null || attempt.score() == null || attempt.maxScore() == null) {
            return new QuizOutcome(messages.get("outcome.graded"), attemptText, false, attempt.passed(), List.of());
        }
        return new QuizOutcome(messages.format(attempt.passed() ? "outcome.passed" : "outcome.notPassed",
                score(attempt.percentage(), attempt.score(), attempt.maxScore(), texts)),
                messages.format("outcome.passingScore", attemptText, texts.percent(quiz.passingScore())), false,
                attempt.passed(), List.of());
    }

    /** "Attempt 1 of 3 · 2 of 3 attempts left.", "Attempt 2." */
    private static String attemptText(Quiz quiz, QuizAttempt attempt, QuizTexts texts) {
        if (quiz.attemptsAllowed() == null) {
            return texts.messages().format("outcome.attempt", attempt.attemptNumber());
        }
        return texts.messages().format("outcome.attemptOf", attempt.attemptNumber(), quiz.attemptsAllowed(),
                texts.attemptsLeft(quiz.attemptsAllowed() - attempt.attemptNumber(), quiz.attemptsAllowed()));
    }

    /** "Score: 83.33 % (5 of 6 points)". */
    private static String score(BigDecimal percentage, BigDecimal score, BigDecimal maxScore, QuizTexts texts) {
        return texts.messages().format("outcome.score", texts.percent(percentage), texts.number(score),
                texts.number(maxScore), maxScore);
    }

    private static List<QuestionFeedback> feedback(Quiz quiz, QuizScoring.Grade grade, Map<QuestionId, Answer> responses,
            Map<QuestionId, AnswerKey> keys, QuizTexts texts) {
        Map<QuestionId, QuizScoring.Outcome> outcomes = grade.results().stream()
                .collect(Collectors.toMap(QuizScoring.QuestionResult::questionId, QuizScoring.QuestionResult::outcome));
        List<QuizQuestion> questions = quiz.questions();
        return java.util.stream.IntStream.range(0, questions.size()).mapToObj(index -> {
            QuizQuestion question = questions.get(index);
            AnswerKey key = keys.get(question.id());
            QuizScoring.Outcome outcome = outcomes.getOrDefault(question.id(), QuizScoring.Outcome.NOT_SCORED);
            return new QuestionFeedback(index + 1, question.text(), texts.answer(responses.get(question.id())),
                    texts.messages().get("verdict." + outcome.name()), texts.key(question.type(), key),
                    key == null || key.explanation() == null ? "" : key.explanation());
        }).toList();
    }
}
