package edu.sevenp.model.quiz;

import edu.sevenp.model.QuestionId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A question as the learner sees it: never with its answer key ({@link AnswerKey} is read separately,
 * and only for practice quizzes).
 *
 * @param options the choices of a multiple-choice question, in order; empty for other types
 */
public record QuizQuestion(QuestionId id, String text, QuestionType type, BigDecimal points, int orderIndex,
        List<String> options) {

    public QuizQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(points, "points");
        options = options == null ? List.of() : List.copyOf(options);
    }
}
