package edu.sevenp.desktop.learning;

/** Every attempt the quiz allows is used (course_quizzes.attempts_allowed). */
public final class AttemptLimitException extends LearningException {

    private static final long serialVersionUID = 1L;

    private final int attemptsAllowed;

    AttemptLimitException(String quizTitle, int attemptsAllowed) {
        super(WORDS.text("attemptLimit", quizTitle, attemptsAllowed));
        this.attemptsAllowed = attemptsAllowed;
    }

    public int attemptsAllowed() {
        return attemptsAllowed;
    }
}
