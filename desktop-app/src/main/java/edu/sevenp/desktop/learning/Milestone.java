package edu.sevenp.desktop.learning;

import java.util.Objects;

/**
 * A milestone the player awards itself from the local store, so that a learner without a server sees achievements
 * too. The screen names it from its code.
 *
 * @param reached how far the learner is, capped at {@code target}, in {@code unit}
 */
public record Milestone(String code, long reached, long target, Unit unit) {

    /** What {@code reached} and {@code target} count. */
    public enum Unit { COUNT, SECONDS }

    public Milestone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        if (target < 1 || reached < 0 || reached > target) {
            throw new IllegalArgumentException("milestone " + code + ": " + reached + " of " + target);
        }
    }

    public boolean earned() {
        return reached == target;
    }
}
