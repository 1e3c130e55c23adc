package edu.sevenp.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.QuestionType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The user's quiz attempts, and what grading them needs. */
public interface AttemptRows {

    Optional<QuizAttemptRow> find(UUID id);

    /** The quiz as the user may see it: empty when it does not exist or is not open to the user. */
    Optional<Quiz> quiz(UUID quizId);

    /** Serialises the numbering of the user's attempts at one quiz until the transaction ends. */
    void lockNumbering(UUID quizId);

    /** Inserts a submitted attempt; the database numbers it and enforces the attempt limit. */
    QuizAttemptRow insert(UUID id, UUID quizId, OffsetDateTime startedAt, OffsetDateTime completedAt, int timeTaken,
            JsonNode responses);

    /** The questions and answer key of the user's own attempt that was just submitted. */
    List<KeyedQuestion> gradingKey(UUID attemptId);

    QuizAttemptRow recordGrade(UUID attemptId, BigDecimal score, BigDecimal maxScore, BigDecimal percentage, boolean passed);

    /** @param timeLimit minutes, or null */
    record Quiz(UUID id, boolean active, Integer timeLimit, BigDecimal passingScore) {
    }

    record KeyedQuestion(UUID id, QuestionType type, BigDecimal points, int orderIndex, JsonNode correctAnswer) {
    }
}
