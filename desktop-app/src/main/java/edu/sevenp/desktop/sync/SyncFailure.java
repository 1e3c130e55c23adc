package edu.sevenp.desktop.sync;

import edu.sevenp.desktop.failure.ExplainedFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync step that did not get its answer, in the terms the engine decides by: whether trying again later
 * can help ({@link Kind#transientFailure()}), and what to tell the learner ({@link #getMessage()}, plain
 * words). Everything the server refuses arrives as one of these; no OkHttp or JSON type escapes the client.
 */
public final class SyncFailure extends RuntimeException implements ExplainedFailure {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the engine cares. */
    public enum Kind {
        /** No connection could be made: the device is offline, or the server is down or unknown. */
        UNREACHABLE(true),
        /** A connection broke off, or an answer was cut or unreadable. */
        NETWORK(true),
        /** The server answered 5xx, or asked to slow down (429). */
        SERVER_BUSY(true),
        /** The profile is not signed in, or its sign-in ended (refresh token unknown, expired or reused). */
        SIGNED_OUT(false),
        /** This device was signed out of the account, from another device or by an administrator. */
        DEVICE_REVOKED(false),
        /** An administrator suspended the account. */
        ACCOUNT_SUSPENDED(false),
        /** This device id belongs to another account: a copied data folder. */
        DEVICE_TAKEN(false),
        /**
         * The server answered another change under one of this device's numbers: its data folder was restored
         * from an older copy. The device needs a new id and a new sign-in.
         */
        SEQUENCE_REUSED(false),
        /** Wrong e-mail address or password. */
        INVALID_CREDENTIALS(false),
        /** The app and the server share no protocol version. */
        PROTOCOL_MISMATCH(false),
        /** The server refused the request itself (a 4xx not listed above): a fault of this app, or an old server. */
        REFUSED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Trying again later, with nothing changed here, may succeed. */
        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public SyncFailure(Kind kind, String code, String message, Duration retryAfter, Throwable cause) {
        this(kind, code, null, message, retryAfter, cause);
    }

    /** @param field where in the request the server found the problem ({@code email}, …), when it named one */
    public SyncFailure(Kind kind, String code, String field, String message, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static SyncFailure of(Kind kind, String message) {
        return new SyncFailure(kind, null, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code ({@code token_expired}, …), when the server answered with one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The request's field the server found the problem in ({@code email}, {@code password}, …), when it named one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * The messages of the other kinds say what to do (wait, sign in again, ask an administrator, update); a refused
     * request may be a passing fault.
     */
    @Override
    public Remedy remedy() {
        return kind == Kind.REFUSED ? Remedy.TRY_AGAIN : Remedy.NONE;
    }

    /** How long the server asked to wait, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
