package edu.sevenp.desktop.institution;

/** A configuration value that does not fit its key; the message says what would. */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValueException(String message) {
        super(message);
    }

    InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
