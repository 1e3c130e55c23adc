package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the server answered for one pushed change. */
public enum ChangeStatus {
    /** Applied now. */
    APPLIED,
    /** Answered before (its sequence number is at or below the device's last applied one). */
    DUPLICATE,
    /** Refused for good, with a reason. */
    REJECTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChangeStatus fromCode(String code) {
        for (ChangeStatus value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown change status '" + code + "'");
    }
}
