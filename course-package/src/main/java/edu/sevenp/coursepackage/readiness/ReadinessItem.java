package edu.sevenp.coursepackage.readiness;

import edu.sevenp.coursepackage.PackageProblem;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing to fix in a course package, located for an author (and for a panel that opens the lesson).
 *
 * @param file the file within the package, for example {@code manifest.json} or {@code lessons/02-keys.md}
 * @param line the line in {@code file}, or 0 when not known
 * @param field the manifest field, for example {@code sections[1].lessons[0].body}, or empty for the whole file
 * @param lessonId the lesson the item belongs to, when it belongs to one
 * @param problem the package rule's problem an error was made from, for a player that says it in its own language
 */
public record ReadinessItem(Check check, String file, int line, String field, String message, Optional<UUID> lessonId,
        Optional<PackageProblem> problem) {

    /** A warning, or an error that no {@link PackageProblem} describes. */
    public ReadinessItem(Check check, String file, int line, String field, String message, Optional<UUID> lessonId) {
        this(check, file, line, field, message, lessonId, Optional.empty());
    }

    public ReadinessItem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(problem, "problem");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or more, was " + line);
        }
    }

    public Severity severity() {
        return check.severity();
    }

    /** {@code file:line} (without the line when it is not known). */
    public String location() {
        return file + (line > 0 ? ":" + line : "");
    }

    /** Reads like a compiler message: {@code manifest.json:12 sections[0].title — must not be blank}. */
    @Override
    public String toString() {
        return location() + (field.isEmpty() ? "" : " " + field) + " \u2014 " + message;
    }
}
