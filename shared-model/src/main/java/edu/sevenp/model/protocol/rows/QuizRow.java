package edu.sevenp.model.protocol.rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quiz (course_quizzes).
 *
 * @param timeLimit minutes, or null for none
 * @param attemptsAllowed null for unlimited
 */
public record QuizRow(
        UUID id,
        UUID courseId,
        UUID lessonId,
        String title,
        String description,
        String instructions,
        String quizMode,
        Integer timeLimit,
        Integer attemptsAllowed,
        BigDecimal passingScore,
        boolean randomizeQuestions,
        boolean showCorrectAnswers,
        boolean isRequired,
        boolean isActive,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements SyncRow {
}
