package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** A course's level, stored and exchanged as the seed's lower-case words. */
public enum Difficulty {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Difficulty fromCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown difficulty '" + code + "'; expected one of beginner, intermediate, advanced"));
    }
}
