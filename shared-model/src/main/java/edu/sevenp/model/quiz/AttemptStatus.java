package edu.sevenp.model.quiz;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An attempt's state: submitted attempts of graded quizzes wait for the server's grade. */
public enum AttemptStatus {
    IN_PROGRESS,
    SUBMITTED,
    GRADED;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AttemptStatus fromCode(String code) {
        for (AttemptStatus value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown attempt status '" + code + "'"
                + "; expected one of in_progress, submitted, graded");
    }
}
