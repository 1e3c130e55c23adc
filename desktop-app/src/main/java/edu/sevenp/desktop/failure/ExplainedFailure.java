package edu.sevenp.desktop.failure;

/**
 * An exception whose message is written for the learner: what happened, in plain words, without technical details
 * (those stay in its cause, which the log keeps). The UI shows such a message as it is, adding the {@link #remedy()};
 * any other exception is a fault the learner is told about only in general words. A layer-free package, so that the
 * store's, the services' and the sync engine's exceptions can say so and the UI can ask, with no dependency between
 * them.
 */
public interface ExplainedFailure {

    /** What the learner can do next, when the message does not say it itself. */
    enum Remedy {
        /** The message says what to do (or nothing needs doing). */
        NONE,
        /** Trying again may work; if it keeps failing, a restart of the player. */
        TRY_AGAIN,
        /** The network or the server: check the connection; nothing is lost meanwhile. */
        CHECK_CONNECTION,
        /** The course package itself: check it, or ask whoever made it for a new one. */
        CHECK_PACKAGE
    }

    /** The learner's words (an exception's {@link Throwable#getMessage()}). */
    String getMessage();

    default Remedy remedy() {
        return Remedy.NONE;
    }
}
