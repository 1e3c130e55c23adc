package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a lesson mainly consists of (the seed's course_lessons.content_type). */
public enum ContentType {
    VIDEO,
    TEXT,
    QUIZ,
    ASSIGNMENT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ContentType fromCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown content type '" + code + "'; expected one of video, text, quiz, assignment"));
    }
}
