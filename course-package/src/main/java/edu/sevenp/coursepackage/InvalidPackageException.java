package edu.sevenp.coursepackage;

import java.util.List;
import java.util.stream.Collectors;

/** A course package was rejected as a whole; {@link #problems()} lists everything that is wrong with it. */
public final class InvalidPackageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<PackageProblem> problems;

    public InvalidPackageException(String source, List<PackageProblem> problems) {
        this(source, problems, null);
    }

    /** @param cause what the problems were found from (a zip's own exception), for the log; may be null */
    public InvalidPackageException(String source, List<PackageProblem> problems, Throwable cause) {
        super("The course package " + source + " is not valid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n" + problems.stream()
                .map(problem -> "  " + problem)
                .collect(Collectors.joining("\n")), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The package as named in the message (its file or folder), so a caller can say it in other words. */
    public String source() {
        return source;
    }

    public List<PackageProblem> problems() {
        return problems;
    }
}
