package edu.sevenp.desktop.learning;

/** The lesson, course, quiz, note or bookmark asked for is not (or no longer) in the library. */
public final class NotFoundException extends LearningException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
