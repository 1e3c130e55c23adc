package edu.sevenp.desktop.store;

/** Another process (usually a second copy of the player) has the store open. */
public final class StoreInUseException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreInUseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message says what to do: close the other player. */
    @Override
    public Remedy remedy() {
        return Remedy.NONE;
    }
}
