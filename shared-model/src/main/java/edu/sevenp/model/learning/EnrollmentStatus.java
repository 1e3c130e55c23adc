package edu.sevenp.model.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A learner's standing in a course (enrollments.status). */
public enum EnrollmentStatus {
    ACTIVE,
    COMPLETED,
    DROPPED,
    EXPIRED;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EnrollmentStatus fromCode(String code) {
        for (EnrollmentStatus value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown enrollment status '" + code + "'"
                + "; expected one of active, completed, dropped, expired");
    }
}
