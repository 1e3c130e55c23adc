package edu.sevenp.desktop.store;

import java.util.Locale;

/** Where an outbox entry stands with the server; the outbox's state column holds the code. */
public enum OutboxState {
    /** Not answered yet: pushed (again) at the next sync. */
    PENDING,
    /**
     * Never sent: its course is not one this device receives from a server (an imported package's course, or any
     * course before the profile signs in). Queued again as pending when the course's stream arrives. Enrollments are
     * never held: enrolling by push is how a server course starts to reach the device.
     */
    HELD,
    /** The server applied it. (The outbox removes an answered entry rather than keeping it in this state.) */
    APPLIED,
    /** The server refused it for good; kept, with its reason, to show the learner, and never pushed again. */
    REJECTED;

    /** The word stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutboxState fromCode(String code) {
        for (OutboxState value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown outbox state '" + code + "'; expected pending, held, applied or rejected");
    }
}
