package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.LessonProgressRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The user's lesson progress, found by (user, lesson). */
public interface ProgressRows {

    Optional<LessonProgressRow> lock(UUID lessonId);

    /** Inserts the row unless one for (user, lesson) appeared meanwhile (then empty: lock it and merge). */
    Optional<LessonProgressRow> insert(UUID id, UUID lessonId, UUID courseId, State state);

    LessonProgressRow update(UUID id, State state);

    record State(String status, BigDecimal progressPercentage, int lastPosition, int totalTimeSpent,
            OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime lastAccessedAt) {
    }
}
