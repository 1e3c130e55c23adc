package edu.sevenp.desktop.store;

import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizScoring;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * A finished attempt to store, and what became of it.
 *
 * @param grade the device's grade of a practice attempt; null for a graded quiz (the server grades it)
 */
public record QuizSubmission(QuizAttemptId id, QuizId quizId, OffsetDateTime startedAt, OffsetDateTime submittedAt,
        Map<QuestionId, Answer> responses, QuizScoring.Grade grade) {

    public QuizSubmission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        responses = Map.copyOf(responses);
    }

    /** What {@link QuizRepository#submit} did. */
    public sealed interface Outcome {
    }

    /** Stored and queued for the server. */
    public record Stored(QuizAttempt attempt) implements Outcome {
    }

    /** Refused: every allowed attempt is used. */
    public record LimitReached(int attemptsAllowed) implements Outcome {
    }

    /** Refused: the quiz is not active. */
    public record Closed() implements Outcome {
    }

    /** Refused: the library has no such quiz. */
    public record UnknownQuiz() implements Outcome {
    }
}
