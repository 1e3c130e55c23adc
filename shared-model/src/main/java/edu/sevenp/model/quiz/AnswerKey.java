package edu.sevenp.model.quiz;

import java.util.List;

/**
 * The correct answer of a practice question (quiz_questions.correct_answer, and its explanation). Graded
 * quizzes have none on the device (principle 8).
 *
 * @param accepted multiple choice: the correct options (all of them must be selected, nothing else);
 *        short answer: the accepted texts (any one matches)
 * @param truth true/false: the correct value
 * @param explanation shown with the result, or null
 */
public record AnswerKey(List<String> accepted, Boolean truth, String explanation) {

    public AnswerKey {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }
}
