package edu.sevenp.desktop.learning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one request, then refuses it with all of them at once. */
final class Checks {

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();

    Checks require(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new InvalidInputException.Problem(field, message));
        }
        return this;
    }

    /** A required text of 1 to {@code max} characters that is not only white space. */
    Checks text(String value, String field, String what, int max) {
        if (value == null || value.isBlank()) {
            return require(false, field, LearningException.WORDS.text("notEmpty", what));
        }
        return optionalText(value, field, what, max);
    }

    /** An optional text of at most {@code max} characters (as H2 and PostgreSQL count them, UTF-16 units at most). */
    Checks optionalText(String value, String field, String what, int max) {
        return require(value == null || value.length() <= max, field,
                LearningException.WORDS.text("tooLong", what, max, value == null ? 0 : value.length()));
    }

    /** A time in a video, in seconds: absent, or 0 or more. */
    Checks videoTime(Integer seconds, String field) {
        return require(seconds == null || seconds >= 0, field, LearningException.WORDS.text("videoTime.negative"));
    }

    Checks seconds(int seconds, String field, int max) {
        return require(seconds >= 0 && seconds <= max, field,
                LearningException.WORDS.text("seconds.range", max, seconds));
    }

    Checks percentage(BigDecimal value, String field) {
        return require(value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0, field,
                value == null ? LearningException.WORDS.text("percentage.missing")
                        : LearningException.WORDS.text("percentage.range", value.toPlainString()));
    }

    void orRefuse() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
