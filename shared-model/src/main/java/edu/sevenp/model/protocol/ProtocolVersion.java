package edu.sevenp.model.protocol;

/**
 * The version of the client-server protocol (docs/sync-protocol.md, section 2). Every request and
 * response carries it; a peer that does not speak the other's version refuses with a clear message
 * instead of guessing.
 */
public final class ProtocolVersion {

    /** Bumped on any change an older peer could misread. */
    public static final int CURRENT = 1;

    /** The oldest version this code still speaks. */
    public static final int MIN_SUPPORTED = 1;

    /** The newest version this code speaks. */
    public static final int MAX_SUPPORTED = CURRENT;

    /** The HTTP header that carries it on requests and responses. */
    public static final String HEADER = "X-SevenP-Protocol";

    private ProtocolVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= MIN_SUPPORTED && version <= MAX_SUPPORTED;
    }
}
