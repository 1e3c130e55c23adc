package edu.sevenp.server.problem;

import java.util.Collection;

/** Checks of request values, each failing with the protocol's error for the field it names. */
public final class Inputs {

    private Inputs() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiProblem.missingField(field);
        }
        return value;
    }

    /** Text of 1 to {@code max} code points that is not only white space. */
    public static String text(String value, String field, int max) {
        required(value, field);
        if (value.isBlank()) {
            throw ApiProblem.validation(field, field + " must not be blank");
        }
        return optionalText(value, field, max);
    }

    /** Null, or text of at most {@code max} code points. */
    public static String optionalText(String value, String field, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                throw ApiProblem.validation(field, field + " must be at most " + max + " characters, was " + length);
            }
        }
        return value;
    }

    public static long range(long value, String field, long min, long max) {
        if (value < min || value > max) {
            throw ApiProblem.validation(field, field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static Integer optionalRange(Integer value, String field, int min, int max) {
        if (value != null) {
            range(value, field, min, max);
        }
        return value;
    }

    public static <C extends Collection<?>> C size(C values, String field, int max) {
        required(values, field);
        if (values.size() > max) {
            throw ApiProblem.validation(field, field + " may hold at most " + max + " entries, held " + values.size());
        }
        return values;
    }
}
