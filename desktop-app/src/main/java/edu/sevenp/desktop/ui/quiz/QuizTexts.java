package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.QuizMode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** How quiz values read on screen, in the learner's language: percentages, points, attempts, answers and keys. */
final class QuizTexts {

    private final Messages messages;

    QuizTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The words of {@code ui.quiz} in the default locale. */
    static QuizTexts current() {
        return new QuizTexts(Messages.of(QuizTexts.class));
    }

    Messages messages() {
        return messages;
    }

    /** "83.33 %", "100 %" ("83,33 %" in German). */
    String percent(BigDecimal value) {
        return messages.format("percent", number(value));
    }

    /** "1", "2.5" ("2,5" in German): as many decimals as the value has, no trailing zeros. */
    String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(Math.max(0, stripped.scale()));
        return format.format(stripped);
    }

    /** "2 of 3 attempts left", "1 of 1 attempt left", "No attempts left (3 allowed)". */
    String attemptsLeft(int left, int allowed) {
        return left <= 0 ? messages.format("attempts.none", allowed) : messages.format("attempts.left", left, allowed);
    }

    /** "1 point", "2.5 points". */
    String points(BigDecimal value) {
        return messages.format("points", value, number(value));
    }

    /** "Practice" or "Graded". */
    String mode(QuizMode mode) {
        return messages.get("mode." + mode.name());
    }

    /** "29:41", "1:05:00": what a countdown shows (the same in every language). */
    static String clock(Duration left) {
        long seconds = Math.max(0, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    String answer(Answer answer) {
        if (answer == null) {
            return messages.get("answer.none");
        }
        if (answer.selected() != null) {
            return answer.selected().isEmpty() ? messages.get("answer.none") : String.join("; ", answer.selected());
        }
        if (answer.value() != null) {
            return truth(answer.value());
        }
        return answer.text().isBlank() ? messages.get("answer.none") : answer.text();
    }

    /** The key as the learner reads it; empty when there is none to show. */
    String key(QuestionType type, AnswerKey key) {
        if (key == null) {
            return "";
        }
        if (type == QuestionType.TRUE_FALSE) {
            return key.truth() == null ? "" : truth(key.truth());
        }
        if (type == QuestionType.MULTIPLE_CHOICE) {
            // Multiple choice needs all of its options; a short answer accepts any one of its texts.
            return String.join("; ", key.accepted());
        }
        return key.accepted().stream().reduce((first, second) -> messages.format("answer.or", first, second)).orElse("");
    }

    private String truth(boolean value) {
        return messages.get(value ? "answer.true" : "answer.false");
    }
}
