package edu.sevenp.desktop.sync;

/** The named stages of one sync, in the order they run (docs/sync-client.md). */
public enum SyncStage {
    CONTACT("Contacting the server"),
    PUSH("Sending your changes"),
    PULL("Receiving changes"),
    MEDIA("Downloading media");

    private final String label;

    SyncStage(String label) {
        this.label = label;
    }

    /** What the status line says while the stage runs. */
    public String label() {
        return label;
    }
}
