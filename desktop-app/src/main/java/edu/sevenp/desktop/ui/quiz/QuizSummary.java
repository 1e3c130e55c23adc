package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.QuizOverview;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A quiz as the list shows it before the learner starts.
 *
 * @param attemptsLeft empty when the quiz allows any number of attempts
 * @param bestPercentage the best graded attempt's percentage, if any
 * @param pending how many submitted attempts wait for the server's grade
 */
public record QuizSummary(QuizId id, String title, String description, QuizMode mode, int questions, int attemptsUsed,
        Optional<Integer> attemptsLeft, Optional<BigDecimal> bestPercentage, long pending, boolean canAttempt) {

    public QuizSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(attemptsLeft, "attemptsLeft");
        Objects.requireNonNull(bestPercentage, "bestPercentage");
    }

    static QuizSummary of(QuizOverview overview) {
        Optional<BigDecimal> best = overview.attempts().stream().map(QuizAttempt::percentage).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        long pending = overview.attempts().stream().filter(QuizAttempt::pending).count();
        return new QuizSummary(overview.quiz().id(), overview.quiz().title(), overview.quiz().description(),
                overview.quiz().mode(), overview.quiz().questions().size(), overview.attempts().size(),
                overview.attemptsLeft(), best, pending, overview.canAttempt());
    }

    /** "Practice" or "Graded". */
    public String modeText() {
        return mode == QuizMode.PRACTICE ? "Practice" : "Graded";
    }

    /** "No attempts yet · 3 allowed", "1 attempt used · 2 left", "2 attempts used · unlimited". */
    public String attemptsText() {
        String used = attemptsUsed == 0 ? "No attempts yet"
                : attemptsUsed + (attemptsUsed == 1 ? " attempt used" : " attempts used");
        String left = attemptsLeft.map(count -> attemptsUsed == 0 ? count + " allowed" : count + " left").orElse("unlimited");
        return used + " · " + left;
    }

    /** The best score, or why there is none. */
    public String scoreText() {
        if (bestPercentage.isPresent()) {
            return "Best score: " + QuizTexts.percent(bestPercentage.get());
        }
        if (pending > 0) {
            return "Submitted — graded when you sync";
        }
        return attemptsUsed == 0 ? "Not attempted" : "No score";
    }
}
