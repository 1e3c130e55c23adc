package edu.sevenp.model.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads quiz_questions.correct_answer: a string or an array of strings (the correct options, or the accepted
 * short answers), or a boolean for true/false ("true"/"false" as text is read the same way). The device
 * reads practice keys with it, the server graded ones: one reading, so both grade alike.
 */
public final class AnswerKeys {

    private AnswerKeys() {
    }

    public static AnswerKey fromJson(QuestionType type, JsonNode correctAnswer, String explanation) {
        if (type == QuestionType.TRUE_FALSE) {
            Boolean truth = correctAnswer == null ? null
                    : correctAnswer.isBoolean() ? Boolean.valueOf(correctAnswer.booleanValue())
                    : correctAnswer.isTextual() && List.of("true", "false").contains(correctAnswer.textValue())
                            ? Boolean.valueOf(correctAnswer.textValue())
                    : null;
            return new AnswerKey(List.of(), truth, explanation);
        }
        return new AnswerKey(strings(correctAnswer), null, explanation);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
