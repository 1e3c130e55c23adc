package edu.sevenp.model.quiz;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of a quiz question (quiz_questions.question_type), which decides how it is scored. */
public enum QuestionType {
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    SHORT_ANSWER,
    ESSAY;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QuestionType fromCode(String code) {
        for (QuestionType value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown question type '" + code + "'"
                + "; expected one of multiple_choice, true_false, short_answer, essay");
    }
}
