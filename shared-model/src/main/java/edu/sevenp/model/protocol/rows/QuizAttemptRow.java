package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quiz attempt as the server graded it (quiz_attempts).
 *
 * @param responses the answers as uploaded, by question id
 * @param version the server's row version
 */
public record QuizAttemptRow(
        UUID id,
        UUID quizId,
        UUID userId,
        int attemptNumber,
        String status,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        Integer timeTaken,
        BigDecimal score,
        BigDecimal maxScore,
        BigDecimal percentage,
        boolean passed,
        JsonNode responses,
        OffsetDateTime updatedAt,
        long version) implements SyncRow {
}
