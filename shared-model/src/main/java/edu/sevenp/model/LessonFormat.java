package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The language a lesson's body is written in (course_lessons.content_format). */
public enum LessonFormat {
    /** CommonMark with tables; raw HTML inside it is shown as text. */
    MARKDOWN,
    /** HTML, reduced to a safe list of elements before it is stored and again before it is shown. */
    HTML;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LessonFormat fromCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown lesson format '" + code + "'; expected markdown or html"));
    }
}
