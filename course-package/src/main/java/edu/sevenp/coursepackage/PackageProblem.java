package edu.sevenp.coursepackage;

import edu.sevenp.coursepackage.problem.ProblemCode;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with a course package, located precisely enough for an author to fix it: what is wrong as a
 * {@link ProblemCode} with its arguments, so that the player can say it in the learner's language; {@link #message()}
 * says it in English, as the server and the {@code --validate} command do.
 *
 * @param file the file within the package, for example {@code manifest.json}
 * @param field the field, for example {@code sections[1].lessons[0].order}, or empty for the whole file
 * @param line the line in {@code file}, or 0 when not known
 * @param arguments the code's arguments as text, in the package's own words (field names, file names, numbers)
 */
public record PackageProblem(String file, String field, int line, ProblemCode code, List<String> arguments) {

    public PackageProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    /** A problem with {@code arguments} written as text ({@link String#valueOf(Object)}). */
    public static PackageProblem of(String file, String field, int line, ProblemCode code, Object... arguments) {
        return new PackageProblem(file, field, line, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** What is wrong, in English: {@code must not be blank}. */
    public String message() {
        return format(code.english(), Locale.ROOT);
    }

    /** What is wrong in {@code pattern}, a translation of the code's English pattern with the same arguments. */
    public String format(String pattern, Locale locale) {
        // The arguments are text, so that MessageFormat writes them as they came (no digit grouping).
        return new MessageFormat(pattern, locale).format(arguments.toArray());
    }

    /** Reads like a compiler error: {@code manifest.json:12: sections[0].title: must not be blank}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message();
    }
}
