package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quiz question (quiz_questions). {@code correctAnswer} and {@code explanation} travel only for practice
 * quizzes: a graded quiz's answer key never leaves the server.
 */
public record QuestionRow(
        UUID id,
        UUID quizId,
        String questionText,
        String questionType,
        BigDecimal points,
        int orderIndex,
        JsonNode options,
        JsonNode correctAnswer,
        String explanation,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
