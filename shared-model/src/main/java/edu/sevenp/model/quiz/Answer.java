package edu.sevenp.model.quiz;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A learner's answer to one question, in the shape its question type asks for: exactly one of
 * {@code selected} (multiple choice: the chosen options' texts), {@code value} (true/false) and
 * {@code text} (short answer, essay). It travels and is stored as {"selected": [...]}, {"value": true}
 * or {"text": "..."}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(List<String> selected, Boolean value, String text) {

    public Answer {
        int shapes = (selected == null ? 0 : 1) + (value == null ? 0 : 1) + (text == null ? 0 : 1);
        if (shapes != 1) {
            throw new IllegalArgumentException("an answer is exactly one of selected options, true/false or a text");
        }
        if (selected != null) {
            selected = List.copyOf(selected);
        }
    }

    public static Answer choice(String... options) {
        return new Answer(List.of(options), null, null);
    }

    public static Answer choices(List<String> options) {
        return new Answer(options, null, null);
    }

    public static Answer trueFalse(boolean value) {
        return new Answer(null, value, null);
    }

    public static Answer text(String text) {
        return new Answer(null, null, Objects.requireNonNull(text, "text"));
    }

    /** Whether this is the shape {@code type} asks for. */
    public boolean fits(QuestionType type) {
        return switch (type) {
            case MULTIPLE_CHOICE -> selected != null;
            case TRUE_FALSE -> value != null;
            case SHORT_ANSWER, ESSAY -> text != null;
        };
    }
}
