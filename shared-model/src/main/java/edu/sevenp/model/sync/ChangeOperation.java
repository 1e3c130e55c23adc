package edu.sevenp.model.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a change does to its row on the server: write it (insert or merge) or delete it by tombstone. */
public enum ChangeOperation {
    UPSERT,
    DELETE;

    /** The word in the outbox's operation column and on the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChangeOperation fromCode(String code) {
        for (ChangeOperation value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + code + "'; expected upsert or delete");
    }
}
