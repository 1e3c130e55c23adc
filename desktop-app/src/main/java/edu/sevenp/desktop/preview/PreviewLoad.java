package edu.sevenp.desktop.preview;

import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.model.CourseId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a previewed package gave: the course, now in the preview's store; or the package's problems, each with
 * its file and line; or why it could not be read at all (a file gone in the middle of a save). Only a loaded package
 * changed the store.
 *
 * @param course the course loaded, or null when it was not
 * @param problems what is wrong with the package (empty when it loaded, or could not be read)
 * @param failure why the package could not be read or stored (null unless that happened)
 * @param took how long reading and storing took
 */
public record PreviewLoad(CourseId course, List<PackageProblem> problems, String failure, Duration took) {

    public PreviewLoad {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(took, "took");
        if ((course != null ? 1 : 0) + (problems.isEmpty() ? 0 : 1) + (failure != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a load has a course, or problems, or a failure: one of them");
        }
    }

    static PreviewLoad loaded(CourseId course, Duration took) {
        return new PreviewLoad(Objects.requireNonNull(course, "course"), List.of(), null, took);
    }

    static PreviewLoad invalid(List<PackageProblem> problems, Duration took) {
        return new PreviewLoad(null, problems, null, took);
    }

    static PreviewLoad failed(String failure, Duration took) {
        return new PreviewLoad(null, List.of(), Objects.requireNonNull(failure, "failure"), took);
    }

    public Optional<CourseId> loadedCourse() {
        return Optional.ofNullable(course);
    }
}
