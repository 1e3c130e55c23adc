package edu.sevenp.desktop;

import edu.sevenp.desktop.store.ProfileOfAnotherAccountException;
import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.sync.SyncFailure;

/**
 * How a headless command ended, as scripts see it (docs/operations.md, "Headless sign-in and sync"). The
 * numbers are a contract: never renumber one, only add.
 */
enum ExitCode {
    /** Done: signed in, synced, signed out (changes the server refused for good are in the summary, not a failure). */
    OK(0),
    /** Anything else: a fault of this app or its library, or a request the server refused as malformed. */
    FAILURE(1),
    /** The command line was wrong, or no password came on standard input. */
    USAGE(2),
    /** The profile is not signed in to a sync server (never, signed out, or it is a copy and must sign in again). */
    NOT_SIGNED_IN(3),
    /** The server refused the sign-in: wrong e-mail or password, account suspended, device revoked, sign-in ended. */
    SIGN_IN_REFUSED(4),
    /** The server could not be reached, the connection broke, or the server is busy: worth trying again later. */
    RETRY_LATER(5),
    /** This app and the server speak no common protocol version: one of them must be updated. */
    PROTOCOL_MISMATCH(6),
    /** The profile is open in a running player, which syncs it itself. */
    PROFILE_IN_USE(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The code for what ended a command. */
    static ExitCode of(Throwable failure) {
        if (failure instanceof SyncFailure sync) {
            return of(sync.kind());
        }
        if (failure instanceof StoreInUseException) {
            return PROFILE_IN_USE;
        }
        if (failure instanceof ProfileOfAnotherAccountException) {
            return SIGN_IN_REFUSED;
        }
        return FAILURE;
    }

    static ExitCode of(SyncFailure.Kind kind) {
        return switch (kind) {
            case UNREACHABLE, NETWORK, SERVER_BUSY -> RETRY_LATER;
            case SIGNED_OUT, DEVICE_REVOKED, ACCOUNT_SUSPENDED, DEVICE_TAKEN, INVALID_CREDENTIALS -> SIGN_IN_REFUSED;
            case PROTOCOL_MISMATCH -> PROTOCOL_MISMATCH;
            case SEQUENCE_REUSED -> NOT_SIGNED_IN;
            case REFUSED -> FAILURE;
        };
    }
}
