package edu.sevenp.desktop.store;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A published course in the local store that the learner has never enrolled in: what the offline recommendations
 * rank.
 *
 * @param category null for a course without one
 * @param releasedAt when it was published (its creation time when it has no publication time)
 */
public record CourseCandidate(CourseId id, String title, String shortDescription, Difficulty difficulty, UUID category,
        BigDecimal averageRating, int enrollmentCount, OffsetDateTime releasedAt) {

    public CourseCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(averageRating, "averageRating");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }
}
