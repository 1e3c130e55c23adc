package edu.sevenp.model.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a learner is in one lesson (lesson_progress.status). Completed stays completed. */
public enum ProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProgressStatus fromCode(String code) {
        for (ProgressStatus value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown progress status '" + code + "'"
                + "; expected one of not_started, in_progress, completed");
    }
}
