package edu.sevenp.desktop.store;

import edu.sevenp.desktop.failure.ExplainedFailure;
import edu.sevenp.desktop.failure.FailureWords;

/**
 * The local store could not do what was asked; the message is written for the person using the app, without the
 * database's own words (those stay in the cause, for the log).
 */
public class StoreException extends RuntimeException implements ExplainedFailure {

    private static final long serialVersionUID = 1L;

    /** The learner's words, in the bundle of this package (read in the default locale when a failure is made). */
    static final FailureWords WORDS = FailureWords.of(StoreException.class);

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** A write or a read that failed may work when tried again (a full disk freed, a locked file let go). */
    @Override
    public Remedy remedy() {
        return Remedy.TRY_AGAIN;
    }
}
