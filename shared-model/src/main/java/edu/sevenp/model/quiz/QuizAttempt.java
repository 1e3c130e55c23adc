package edu.sevenp.model.quiz;

import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt at a quiz (quiz_attempts). A practice attempt is graded on the device; an attempt at a
 * graded quiz stays {@link AttemptStatus#SUBMITTED}, without a score, until the server grades it.
 *
 * @param timeTaken seconds from start to submission
 * @param score null until graded
 */
public record QuizAttempt(
        QuizAttemptId id,
        QuizId quizId,
        UserId userId,
        int attemptNumber,
        AttemptStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        Integer timeTaken,
        BigDecimal score,
        BigDecimal maxScore,
        BigDecimal percentage,
        boolean passed,
        Map<QuestionId, Answer> responses) {

    public QuizAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }

    /** Waiting for the server's grade. */
    public boolean pending() {
        return status == AttemptStatus.SUBMITTED;
    }
}
