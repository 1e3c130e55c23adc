package edu.sevenp.coursepackage.readiness;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report in plain words for a terminal: a verdict line, the errors and then the warnings grouped by file, each
 * item as {@code file:line field — message}, and the totals. docs/course-package.md shows an example.
 */
public final class ReadinessText {

    private ReadinessText() {
    }

    public static String of(ReadinessReport report) {
        StringBuilder text = new StringBuilder();
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        text.append("Course package ").append(report.source()).append(": ")
                .append(report.ready() ? "ready" : "NOT READY").append(", ")
                .append(count(errors, "error")).append(", ").append(count(warnings, "warning")).append('\n');
        section(text, "Errors (the import refuses the package until they are fixed)", report.byFile(Severity.ERROR));
        section(text, "Warnings", report.byFile(Severity.WARNING));
        Totals totals = report.totals();
        text.append('\n').append(String.format(Locale.ROOT, "Totals: %s, %s, about %.1f hours, %s to download (%d bytes)%n",
                count(totals.lessons(), "lesson"), count(totals.quizzes(), "quiz"), totals.estimatedHours(),
                size(totals.downloadBytes()), totals.downloadBytes()));
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, List<ReadinessItem>> byFile) {
        if (byFile.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(":\n");
        byFile.forEach((file, items) -> {
            text.append("  ").append(file).append('\n');
            items.forEach(item -> text.append("    ").append(item).append('\n'));
        });
    }

    private static String count(int n, String thing) {
        String plural = thing.endsWith("z") ? thing + "zes" : thing + "s";
        return n == 0 ? "no " + plural : n + " " + (n == 1 ? thing : plural);
    }

    private static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1_000.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
