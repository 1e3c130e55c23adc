package edu.sevenp.desktop.sync.faults;

/** What the proxy does to one connection. */
public enum FaultKind {

    /** Forward everything untouched. */
    PASS,

    /**
     * Close as the exchange begins, forwarding none of it: for a connection's first exchange, at accept, so the server
     * never hears of the connection.
     */
    DROP,

    /** Pause once, in one direction, at a byte offset, then forward the rest. */
    DELAY,

    /** Forward the first bytes of what the client sends, then close both sides. */
    CUT_REQUEST,

    /** Forward the client's bytes whole and the first bytes of the answer, then close both sides. */
    CUT_RESPONSE,

    /** Abort both sides with a TCP reset (SO_LINGER 0) at a byte offset in one direction. */
    RESET
}
