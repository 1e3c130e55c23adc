package edu.sevenp.desktop.ui.player;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the learner is at the window: it is shown (not minimised) and has had key or mouse input within
 * {@link #IDLE_AFTER}. Reading needs no input, so a lesson counts as read until then. Used on the UI thread only.
 */
final class Presence {

    /** No input for this long means the learner has left the window. */
    static final Duration IDLE_AFTER = Duration.ofMinutes(5);

    private final Clock clock;
    private Instant lastInput;
    private boolean hidden;

    Presence(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastInput = clock.instant();
    }

    void inputSeen() {
        lastInput = clock.instant();
    }

    void hidden(boolean hidden) {
        this.hidden = hidden;
        if (!hidden) {
            // Restoring the window is the learner's doing: they are back.
            lastInput = clock.instant();
        }
    }

    /** Since when the learner has been away: now when the window is hidden, the idle limit's end when idle. */
    Optional<Instant> awaySince() {
        Instant now = clock.instant();
        if (hidden) {
            return Optional.of(now);
        }
        Instant idleFrom = lastInput.plus(IDLE_AFTER);
        return idleFrom.isAfter(now) ? Optional.empty() : Optional.of(idleFrom);
    }
}
