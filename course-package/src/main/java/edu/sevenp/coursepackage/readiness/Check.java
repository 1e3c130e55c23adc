package edu.sevenp.coursepackage.readiness;

import java.util.Locale;

/**
 * What a readiness item is about: the shared package rules (every error), or one of the warnings, each described
 * with its threshold in docs/course-package.md, "Readiness report".
 */
public enum Check {
    /** A rule of the format that the importer or the server enforces (CoursePackageReader): always an error. */
    PACKAGE_RULE(Severity.ERROR),
    /** A lesson body file with no text, or only white space. */
    EMPTY_BODY(Severity.WARNING),
    /** A link in a lesson body to a lesson, an anchor or a file that the package does not have. */
    BROKEN_LINK(Severity.WARNING),
    /** A lesson body shows or links a file that will not reach the player: not in the package, or not in the manifest. */
    MEDIA_MISSING(Severity.WARNING),
    /** A media entry nothing uses, or a file in the package that the manifest does not name. */
    MEDIA_UNREFERENCED(Severity.WARNING),
    /** A lesson's video without any caption track. */
    VIDEO_WITHOUT_CAPTIONS(Severity.WARNING),
    /** A quiz question that would be shown without an explanation after answering. */
    QUESTION_WITHOUT_EXPLANATION(Severity.WARNING),
    /** A lesson without {@code readingTimeMinutes}. */
    LESSON_WITHOUT_DURATION(Severity.WARNING),
    /** The declared {@code readingTimeMinutes} is far from the time the body (and video) take. */
    READING_TIME_MISMATCH(Severity.WARNING),
    /** An image file too large in bytes or in pixels for a lesson. */
    OVERSIZED_IMAGE(Severity.WARNING);

    private final Severity severity;

    Check(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The name scripts see in the JSON report: {@code broken-link}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
