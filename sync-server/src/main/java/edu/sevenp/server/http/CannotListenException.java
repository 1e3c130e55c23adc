package edu.sevenp.server.http;

/** The HTTP server cannot listen where it was told to: the port is taken, or the address is not this machine's. */
public class CannotListenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CannotListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
