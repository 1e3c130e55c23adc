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
            return require(false, field, what + " cannot be empty.");
        }
        return optionalText(value, field, what, max);
    }

    /** An optional text of at most {@code max} characters (as H2 and PostgreSQL count them, UTF-16 units at most). */
    Checks optionalText(String value, String field, String what, int max) {
        return require(value == null || value.length() <= max, field,
                what + " can be at most " + String.format("%,d", max) + " characters long; this one has "
                        + String.format("%,d", value == null ? 0 : value.length()) + ".");
    }

    /** A time in a video, in seconds: absent, or 0 or more. */
    Checks videoTime(Integer seconds, String field) {
        return require(seconds == null || seconds >= 0, field, "A time in the video cannot be negative.");
    }

    Checks seconds(int seconds, String field, int max) {
        return require(seconds >= 0 && seconds <= max, field,
                "Time spent must be between 0 and " + String.format("%,d", max) + " seconds, not " + seconds + ".");
    }

    Checks percentage(BigDecimal value, String field) {
        return require(value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0, field,
                "A percentage must be between 0 and 100" + (value == null ? "." : ", not " + value.toPlainString() + "."));
    }

    void orRefuse() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
