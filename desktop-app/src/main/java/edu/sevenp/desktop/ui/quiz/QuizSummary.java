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
 * A quiz as the list shows it before the learner starts. Its texts are in the learner's language (the default
 * locale's {@code ui.quiz} words).
 *
 * @param attemptsAllowed empty when the quiz allows any number of attempts
 * @param attemptsLeft empty when the quiz allows any number of attempts
 * @param bestPercentage the best graded attempt's percentage, if any
 * @param pending how many submitted attempts wait for the server's grade
 */
public record QuizSummary(QuizId id, String title, String description, QuizMode mode, int questions, int attemptsUsed,
        Optional<Integer> attemptsAllowed, Optional<Integer> attemptsLeft, Optional<BigDecimal> bestPercentage, long pending,
        boolean canAttempt) {

    public QuizSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(attemptsAllowed, "attemptsAllowed");
        Objects.requireNonNull(attemptsLeft, "attemptsLeft");
        Objects.requireNonNull(bestPercentage, "bestPercentage");
    }

    static QuizSummary of(QuizOverview overview) {
        Optional<BigDecimal> best = overview.attempts().stream().map(QuizAttempt::percentage).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        long pending = overview.attempts().stream().filter(QuizAttempt::pending).count();
        return new QuizSummary(overview.quiz().id(), overview.quiz().title(), overview.quiz().description(),
                overview.quiz().mode(), overview.quiz().questions().size(), overview.attempts().size(),
                Optional.ofNullable(overview.quiz().attemptsAllowed()), overview.attemptsLeft(), best, pending,
                overview.canAttempt());
    }

    /** "Practice" or "Graded". */
    public String modeText() {
        return QuizTexts.current().mode(mode);
    }

    /** "3 of 3 attempts left", "No attempts left (3 allowed)", "Unlimited attempts", "2 attempts so far · unlimited". */
    public String attemptsText() {
        QuizTexts texts = QuizTexts.current();
        if (attemptsAllowed.isPresent()) {
            return texts.attemptsLeft(attemptsLeft.orElse(0), attemptsAllowed.get());
        }
        return attemptsUsed == 0 ? texts.messages().get("attempts.unlimited")
                : texts.messages().format("attempts.soFar", attemptsUsed);
    }

    /** The best score, or why there is none; attempts that wait for the server say so. */
    public String scoreText() {
        QuizTexts texts = QuizTexts.current();
        if (bestPercentage.isPresent()) {
            String best = texts.percent(bestPercentage.get());
            return pending > 0 ? texts.messages().format("score.bestAndAwaiting", best,
                    texts.messages().format("score.awaiting", pending)) : texts.messages().format("score.best", best);
        }
        if (pending > 0) {
            return pending == 1 ? texts.messages().get("awaiting") : texts.messages().format("score.awaiting", pending);
        }
        return texts.messages().get(attemptsUsed == 0 ? "score.notAttempted" : "score.none");
    }

    /** "Practice · 6 questions · Unlimited attempts · Not attempted": the line under the title in the list. */
    public String infoText() {
        return QuizTexts.current().messages().format("list.row", modeText(), questions, attemptsText(), scoreText());
    }
}
