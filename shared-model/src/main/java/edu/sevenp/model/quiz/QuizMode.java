package edu.sevenp.model.quiz;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Practice quizzes may be graded on the device; graded quizzes only by the server (principle 8). */
public enum QuizMode {
    GRADED,
    PRACTICE;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QuizMode fromCode(String code) {
        for (QuizMode value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown quiz mode '" + code + "'"
                + "; expected one of graded, practice");
    }
}
