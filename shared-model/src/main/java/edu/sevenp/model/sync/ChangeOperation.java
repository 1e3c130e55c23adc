package edu.sevenp.model.sync;

import java.util.Locale;

/** What a change does to its row on the server: write it (insert or merge) or delete it by tombstone. */
public enum ChangeOperation {
    UPSERT,
    DELETE;

    /** The word in the outbox's operation column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
