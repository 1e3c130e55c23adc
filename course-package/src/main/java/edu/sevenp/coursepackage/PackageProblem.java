package edu.sevenp.coursepackage;

import java.util.Objects;

/**
 * One thing wrong with a course package, located precisely enough for an author to fix it.
 *
 * @param file the file within the package, for example {@code manifest.json}
 * @param field the field, for example {@code sections[1].lessons[0].order}, or empty for the whole file
 * @param line the line in {@code file}, or 0 when not known
 */
public record PackageProblem(String file, String field, int line, String message) {

    public PackageProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** Reads like a compiler error: {@code manifest.json:12: sections[0].title: must not be blank}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
