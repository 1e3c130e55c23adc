package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.readiness.PackageContents.Lesson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Counts a package's {@link Totals}. */
final class PackageTotals {

    private PackageTotals() {
    }

    static Totals of(PackageContents contents) {
        Set<String> files = new LinkedHashSet<>();
        contents.lessons().forEach(lesson -> lesson.bodyPath().ifPresent(files::add));
        files.addAll(contents.namedFiles());
        long bytes = contents.manifestBytes();
        for (String file : files) {
            Optional<Path> path = contents.file(file);
            if (path.isPresent()) {
                bytes += size(path.get());
            }
        }
        double minutes = 0;
        for (Lesson lesson : contents.lessons()) {
            JsonNode declared = lesson.node().path("readingTimeMinutes");
            minutes += declared.isIntegralNumber() && declared.intValue() >= 0 ? declared.intValue()
                    : LessonRules.estimatedMinutes(contents, lesson);
        }
        return new Totals(bytes, contents.lessons().size(), contents.quizzes().size(), minutes / 60);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }
}
