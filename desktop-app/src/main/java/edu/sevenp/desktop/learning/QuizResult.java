package edu.sevenp.desktop.learning;

import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizScoring;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A submitted attempt. A practice attempt comes back graded, question by question; an attempt at a
 * graded quiz comes back {@linkplain QuizAttempt#pending() pending} until the server grades it.
 *
 * @param grade the device's grade of a practice attempt
 * @param correctAnswers the keys (with explanations) of a practice quiz that shows its answers; empty otherwise
 */
public record QuizResult(QuizAttempt attempt, Optional<QuizScoring.Grade> grade, Map<QuestionId, AnswerKey> correctAnswers) {

    public QuizResult {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(grade, "grade");
        correctAnswers = Map.copyOf(correctAnswers);
    }
}
