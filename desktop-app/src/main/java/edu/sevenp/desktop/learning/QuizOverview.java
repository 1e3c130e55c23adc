package edu.sevenp.desktop.learning;

import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A quiz as the learner sees it before starting: its questions (without answers) and their attempts so far. */
public record QuizOverview(Quiz quiz, List<QuizAttempt> attempts) {

    public QuizOverview {
        Objects.requireNonNull(quiz, "quiz");
        attempts = List.copyOf(attempts);
    }

    /** Attempts the learner has left; empty when the quiz allows any number. */
    public Optional<Integer> attemptsLeft() {
        return Optional.ofNullable(quiz.attemptsAllowed()).map(allowed -> Math.max(0, allowed - attempts.size()));
    }

    /** Whether the learner may start an attempt now. */
    public boolean canAttempt() {
        return quiz.active() && attemptsLeft().map(left -> left > 0).orElse(true);
    }
}
