package edu.sevenp.desktop.sync.faults;

import java.util.Objects;

/**
 * The fault decided for one exchange of one connection.
 *
 * <p>An exchange is a request and its answer: the proxy counts a new exchange each time the client sends after the
 * server has sent, so each request of a kept-alive HTTP/1.1 connection gets its own decision. {@code atByte} counts
 * the bytes of this exchange in {@code direction}; when the exchange carries fewer, the fault does not happen.
 * {@code DROP} acts on the request's first byte (for exchange 0, at accept); {@code PASS} ignores {@code direction}
 * and {@code atByte}; only {@code DELAY} uses {@code delayMillis}.
 *
 * @param connection  the connection's number, from 1, in the order the proxy accepted them
 * @param exchange    the exchange's number in its connection, from 0
 * @param kind        what happens
 * @param direction   the stream the fault acts on
 * @param atByte      how many bytes of the exchange in that stream are forwarded before it acts
 * @param delayMillis how long a {@code DELAY} pauses
 */
public record Fault(long connection, int exchange, FaultKind kind, Direction direction, long atByte, int delayMillis) {

    /** One of the two streams of a proxied connection. */
    public enum Direction {
        TO_SERVER, TO_CLIENT
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (connection < 1 || exchange < 0 || atByte < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("connection from 1; exchange, atByte and delayMillis from 0: "
                    + connection + ", " + exchange + ", " + atByte + ", " + delayMillis);
        }
    }

    /** The exchange passes untouched. */
    public static Fault pass(long connection, int exchange) {
        return new Fault(connection, exchange, FaultKind.PASS, Direction.TO_SERVER, 0, 0);
    }

    /** Close as the exchange's request begins. */
    static Fault drop(long connection, int exchange) {
        return new Fault(connection, exchange, FaultKind.DROP, Direction.TO_SERVER, 0, 0);
    }

    /** Whether this fault acts on the given stream. */
    boolean actsOn(Direction stream) {
        return kind != FaultKind.PASS && direction == stream;
    }

    /** For a log line: "connection=3 exchange=1 CUT_RESPONSE after 517 bytes to the client". */
    public String describe() {
        String where = "after " + atByte + " bytes to the " + (direction == Direction.TO_SERVER ? "server" : "client");
        String what = switch (kind) {
            case PASS -> "PASS";
            case DROP -> exchange == 0 ? "DROP at accept" : "DROP as the request begins";
            case DELAY -> "DELAY of " + delayMillis + " ms " + where;
            case CUT_REQUEST, CUT_RESPONSE, RESET -> kind + " " + where;
        };
        return "connection=" + connection + " exchange=" + exchange + " " + what;
    }
}
