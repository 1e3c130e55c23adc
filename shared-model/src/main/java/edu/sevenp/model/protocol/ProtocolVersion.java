package edu.sevenp.model.protocol;

/**
 * The version of the client-server protocol. Every request and response carries it; a peer that
 * does not speak the other's version refuses with a clear message instead of guessing.
 */
public final class ProtocolVersion {

    /** Bumped on any change an older peer could misread. */
    public static final int CURRENT = 1;

    /** The HTTP header that carries it on requests and responses. */
    public static final String HEADER = "X-SevenP-Protocol";

    private ProtocolVersion() {
    }
}
