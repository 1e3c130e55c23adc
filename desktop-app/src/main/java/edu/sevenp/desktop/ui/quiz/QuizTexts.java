package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.QuestionType;
import java.math.BigDecimal;

/** How quiz values read on screen: percentages, points, answers and keys. */
final class QuizTexts {

    private QuizTexts() {
    }

    /** "83.33 %", "100 %". */
    static String percent(BigDecimal value) {
        return plain(value) + " %";
    }

    /** "1", "2.5": no trailing zeros. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** "2 of 3 attempts left", "1 of 3 attempts left", "No attempts left (3 allowed)". */
    static String attemptsLeft(int left, int allowed) {
        if (left <= 0) {
            return "No attempts left (" + allowed + " allowed)";
        }
        return left + " of " + allowed + (allowed == 1 ? " attempt left" : " attempts left");
    }

    /** "29:41", "1:05:00": what a countdown shows. */
    static String clock(java.time.Duration left) {
        long seconds = Math.max(0, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format("%d:%02d", minutes, seconds % 60);
    }

    static String points(BigDecimal value) {
        return plain(value) + (value.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
    }

    static String answer(Answer answer) {
        if (answer == null) {
            return "(no answer)";
        }
        if (answer.selected() != null) {
            return answer.selected().isEmpty() ? "(no answer)" : String.join("; ", answer.selected());
        }
        if (answer.value() != null) {
            return answer.value() ? "True" : "False";
        }
        return answer.text().isBlank() ? "(no answer)" : answer.text();
    }

    /** The key as the learner reads it; empty when there is none to show. */
    static String key(QuestionType type, AnswerKey key) {
        if (key == null) {
            return "";
        }
        if (type == QuestionType.TRUE_FALSE) {
            return key.truth() == null ? "" : key.truth() ? "True" : "False";
        }
        // Multiple choice needs all of its options; a short answer accepts any one of its texts.
        return String.join(type == QuestionType.MULTIPLE_CHOICE ? "; " : " or ", key.accepted());
    }
}
