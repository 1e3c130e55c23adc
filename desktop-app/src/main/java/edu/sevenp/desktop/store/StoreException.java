package edu.sevenp.desktop.store;

/** The local store could not do what was asked; the message is written for the person using the app. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
