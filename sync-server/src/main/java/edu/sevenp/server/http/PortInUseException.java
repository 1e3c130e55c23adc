package edu.sevenp.server.http;

/** The HTTP port is taken by another program. */
public final class PortInUseException extends CannotListenException {

    private static final long serialVersionUID = 1L;

    private final int port;

    PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use by another program; stop it, or choose another port"
                + " with --port N or SEVENP_PORT", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
