package edu.sevenp.desktop.store;

/** Signing a profile in to an account other than the one it belongs to: its records are that account's. */
public final class ProfileOfAnotherAccountException extends StoreException {

    private static final long serialVersionUID = 1L;

    ProfileOfAnotherAccountException(String message) {
        super(message, null);
    }
}
