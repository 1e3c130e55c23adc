package edu.sevenp.desktop.search;

import java.util.Objects;

/**
 * What the index is doing: {@code done} of {@code total} queued entries taken in by the current (or
 * last) background run. An entry is a note or a whole course, so the count is a progress measure, not
 * a number of results.
 */
public record IndexStatus(State state, long done, long total) {

    public enum State {
        /** Searches see everything the library held when they started. */
        READY,
        /** The index was missing, damaged or of an older format and is filled again in the background. */
        REBUILDING,
        /** A large backlog (a big import, an interrupted rebuild) is taken in in the background. */
        UPDATING,
        /** The last background run stopped on an error; the queue keeps what it had not done. */
        FAILED
    }

    public IndexStatus {
        Objects.requireNonNull(state, "state");
        if (done < 0 || total < done) {
            throw new IllegalArgumentException("progress must be 0 <= done <= total, was " + done + " of " + total);
        }
    }

    static IndexStatus ready() {
        return new IndexStatus(State.READY, 0, 0);
    }

    /** Whether searches may miss something: anything but {@link State#READY}. */
    public boolean incomplete() {
        return state != State.READY;
    }

    /** 0 to 1, for a progress bar; 1 when there is nothing to do. */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
