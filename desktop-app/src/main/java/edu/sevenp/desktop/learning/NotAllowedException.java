package edu.sevenp.desktop.learning;

/** The request is well formed but not possible now: reviewing a course before completing it, a closed quiz... */
public final class NotAllowedException extends LearningException {

    private static final long serialVersionUID = 1L;

    NotAllowedException(String message) {
        super(message);
    }
}
