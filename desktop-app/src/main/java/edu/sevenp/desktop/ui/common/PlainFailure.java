package edu.sevenp.desktop.ui.common;

import edu.sevenp.desktop.failure.ExplainedFailure;

/**
 * A failure the UI put in words itself (from its bundle), to show as it is: "This course is no longer in your
 * library." The cause, if any, goes to the log.
 */
public final class PlainFailure extends RuntimeException implements ExplainedFailure {

    private static final long serialVersionUID = 1L;
    private final Remedy remedy;

    public PlainFailure(String message) {
        this(message, null, Remedy.NONE);
    }

    public PlainFailure(String message, Throwable cause, Remedy remedy) {
        super(message, cause);
        this.remedy = remedy;
    }

    @Override
    public Remedy remedy() {
        return remedy;
    }
}
