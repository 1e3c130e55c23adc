package edu.sevenp.desktop.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One observation of the learner in a lesson, as the player reports it.
 *
 * @param at when, by the device's clock
 * @param position where the learner is, in seconds; null to keep the stored position
 * @param percentage how far through the lesson, 0-100; null to keep the stored one
 * @param secondsSpent time spent since the previous observation (a delta, never a total)
 * @param complete whether the learner finished the lesson now
 */
public record ProgressEntry(OffsetDateTime at, Integer position, BigDecimal percentage, int secondsSpent,
        boolean complete) {

    public ProgressEntry {
        Objects.requireNonNull(at, "at");
        if (secondsSpent < 0 || (position != null && position < 0)) {
            throw new IllegalArgumentException("secondsSpent and position must not be negative");
        }
        if (percentage != null) {
            if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percentage must be between 0 and 100, was " + percentage);
            }
            // As lesson_progress keeps it: NUMERIC(5,2).
            percentage = percentage.setScale(2, RoundingMode.HALF_UP);
        }
    }

    public static ProgressEntry visit(OffsetDateTime at, int position, BigDecimal percentage, int secondsSpent) {
        return new ProgressEntry(at, position, Objects.requireNonNull(percentage, "percentage"), secondsSpent, false);
    }

    /** Time in the lesson with no position (a text lesson): keeps the stored position and percentage. */
    public static ProgressEntry timeSpent(OffsetDateTime at, int secondsSpent) {
        return new ProgressEntry(at, null, null, secondsSpent, false);
    }

    public static ProgressEntry completion(OffsetDateTime at, int secondsSpent) {
        return new ProgressEntry(at, null, null, secondsSpent, true);
    }
}
