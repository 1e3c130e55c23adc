package edu.sevenp.model.sync;

import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizMode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A submitted quiz attempt (quiz_attempts, insert only: attempts are append-only). The server grades
 * it and enforces the attempt and time limits; an attempt at a graded quiz carries no score, because
 * the device has no answer key. A practice attempt carries the score the device computed (QuizScoring),
 * which the server may keep or recompute.
 *
 * @param attemptNumber the device's number for it, 1 and up; the server may renumber attempts made on
 *        several devices
 * @param timeTaken seconds from start to submission
 * @param responses each question's answer; unanswered questions are absent
 * @param practiceScore the device's score, present exactly for practice quizzes that had something to score
 */
public record QuizAttemptSubmission(
        QuizAttemptId id,
        UserId userId,
        QuizId quizId,
        QuizMode mode,
        int attemptNumber,
        OffsetDateTime startedAt,
        OffsetDateTime submittedAt,
        Integer timeTaken,
        Map<QuestionId, Answer> responses,
        PracticeScore practiceScore) implements LearnerChange {

    /** A practice attempt's score as the device computed it. */
    public record PracticeScore(BigDecimal score, BigDecimal maxScore, BigDecimal percentage, boolean passed) {
        public PracticeScore {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(maxScore, "maxScore");
            Objects.requireNonNull(percentage, "percentage");
        }
    }

    public QuizAttemptSubmission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attemptNumber starts at 1, was " + attemptNumber);
        }
        if (mode == QuizMode.GRADED && practiceScore != null) {
            throw new IllegalArgumentException("an attempt at a graded quiz carries no score: the server grades it");
        }
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.QUIZ_ATTEMPTS;
    }

    @Override
    public UUID entityId() {
        return id.value();
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.UPSERT;
    }
}
