package edu.sevenp.desktop.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A course's progress from its lessons: the server's {@code enrollment_progress(completed, lessons)}
 * (V12__create_triggers.sql), to the digit. Completed lessons out of the course's lessons in percent,
 * rounded half away from zero to two places; 0 for a course without lessons; 100 only when every lesson
 * is completed, otherwise at most 99.99 (so a course of 20,001 lessons with one left is not "100").
 */
public final class ProgressRule {

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");
    private static final BigDecimal ALMOST = new BigDecimal("99.99");
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private ProgressRule() {
    }

    public static BigDecimal percentage(long completed, long lessons) {
        if (lessons <= 0) {
            return ZERO;
        }
        if (completed >= lessons) {
            return HUNDRED;
        }
        // PostgreSQL's round(numeric, 2) rounds half away from zero; the values here are never negative.
        BigDecimal exact = BigDecimal.valueOf(completed).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(lessons), 20, RoundingMode.HALF_UP);
        return exact.setScale(2, RoundingMode.HALF_UP).min(ALMOST);
    }

    /** Whether {@code completed} lessons out of {@code lessons} complete the course. */
    public static boolean complete(long completed, long lessons) {
        return lessons > 0 && completed >= lessons;
    }
}
