package edu.sevenp.coursepackage.captions;

import edu.sevenp.coursepackage.problem.ProblemCode;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The cues of one caption file in the order they start, and what was wrong with the file.
 *
 * @param problems empty for a valid file; a cue with a problem is not among the cues
 */
public record Captions(List<Cue> cues, List<Problem> problems) {

    public Captions {
        cues = cues.stream().sorted(Comparator.comparingDouble(Cue::start)).toList();
        problems = List.copyOf(problems);
    }

    /** No captions at all. */
    public static Captions none() {
        return new Captions(List.of(), List.of());
    }

    /**
     * The text shown at {@code seconds}: every cue showing then, one under the other, in the order they start;
     * "" when none is.
     */
    public String textAt(double seconds) {
        return cues.stream()
                .takeWhile(cue -> cue.start() <= seconds)
                .filter(cue -> cue.showsAt(seconds))
                .map(Cue::text)
                .collect(Collectors.joining("\n"));
    }

    /** A problem of the file, on its line (1 for the first): what is wrong as a code with its arguments as text. */
    public record Problem(int line, ProblemCode code, List<String> arguments) {
        public Problem {
            Objects.requireNonNull(code, "code");
            arguments = List.copyOf(arguments);
        }

        static Problem of(int line, ProblemCode code, String... arguments) {
            return new Problem(line, code, List.of(arguments));
        }

        /** What is wrong, in English. */
        public String message() {
            return new MessageFormat(code.english(), Locale.ROOT).format(arguments.toArray());
        }

        @Override
        public String toString() {
            return line + ": " + message();
        }
    }
}
