package edu.sevenp.desktop.profiles;

import edu.sevenp.desktop.failure.ExplainedFailure;

/**
 * A profile could not be made, renamed, read or removed; the message is written for the learner. Nothing was changed
 * when one is thrown.
 */
public final class ProfileException extends RuntimeException implements ExplainedFailure {

    private static final long serialVersionUID = 1L;

    /** Why, as far as the profile screen tells them apart. */
    public enum Reason { INVALID_NAME, EXISTS, NOT_FOUND, IN_USE, FAILED }

    private final Reason reason;
    private final String profile;

    ProfileException(Reason reason, String profile, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.profile = profile;
    }

    public Reason reason() {
        return reason;
    }

    /** The profile (or the name) it is about. */
    public String profile() {
        return profile;
    }

    /** What went wrong underneath, for {@link Reason#FAILED}: the file system's words; empty otherwise. */
    public String detail() {
        return getCause() == null || getCause().getMessage() == null ? "" : getCause().getMessage();
    }
}
