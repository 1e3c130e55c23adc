package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.PackageRoot;
import edu.sevenp.coursepackage.readiness.PackageContents.Lesson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the readiness report of a course package. Its errors are exactly what {@link CoursePackageReader} refuses
 * for the purpose (the rules the player's import and the server share, not repeated here); its warnings come from
 * the {@link ReadinessRule}s, which run on a package with errors too, as far as its manifest can be read.
 */
public final class ReadinessCheck {

    private static final Pattern LESSON_FIELD = Pattern.compile("^sections\\[(\\d+)]\\.lessons\\[(\\d+)].*");
    /** Manifest first, then the other files by name; within a file by line. */
    private static final Comparator<ReadinessItem> ORDER = Comparator
            .comparing((ReadinessItem item) -> !item.file().equals(PackageRoot.MANIFEST))
            .thenComparing(ReadinessItem::file)
            .thenComparingInt(ReadinessItem::line);

    private final CoursePackageReader reader;
    private final ObjectMapper mapper;

    /** @param mapper a strict mapper ({@code JsonMapperFactory.createStrict()}), as the reader takes */
    public ReadinessCheck(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.reader = new CoursePackageReader(mapper);
    }

    /** The report of the package at {@code location} (a folder or a .zip), its errors by the rules of {@code purpose}. */
    public ReadinessReport check(Path location, PackagePurpose purpose) throws IOException {
        List<PackageProblem> problems = reader.problems(location, purpose);
        try (PackageRoot root = PackageRoot.open(location)) {
            Optional<PackageContents> contents = PackageContents.read(root.root(), mapper);
            if (contents.isPresent()) {
                return report(location, problems, contents.get(), purpose);
            }
        } catch (InvalidPackageException e) {
            // Neither a folder nor a zip: the reader's problems say so, and there is nothing to warn about.
        }
        List<ReadinessItem> errors = problems.stream()
                .map(problem -> error(problem, Optional.empty()))
                .sorted(ORDER)
                .toList();
        return new ReadinessReport(location.toString(), errors, Totals.none());
    }

    private ReadinessReport report(Path location, List<PackageProblem> problems, PackageContents contents,
            PackagePurpose purpose) {
        List<ReadinessItem> items = new ArrayList<>(problems.stream()
                .map(problem -> error(problem, Optional.of(contents)))
                .sorted(ORDER)
                .toList());
        List<ReadinessRule> rules = List.of(new LessonRules(), new LinkRules(), new MediaUsageRules(), new ImageRules(),
                new ExplanationRules(purpose));
        List<ReadinessItem> warnings = new ArrayList<>();
        rules.forEach(rule -> warnings.addAll(rule.check(contents)));
        warnings.sort(ORDER);
        items.addAll(warnings);
        return new ReadinessReport(location.toString(), items, PackageTotals.of(contents));
    }

    private static ReadinessItem error(PackageProblem problem, Optional<PackageContents> contents) {
        Optional<UUID> lesson = contents.flatMap(found -> lessonOf(found, problem)).flatMap(Lesson::id);
        return new ReadinessItem(Check.PACKAGE_RULE, problem.file(), Math.max(0, problem.line()), problem.field(),
                problem.message(), lesson, Optional.of(problem));
    }

    /** The lesson a problem is in: by its field ({@code sections[0].lessons[2].order}) or its file (a lesson's body). */
    private static Optional<Lesson> lessonOf(PackageContents contents, PackageProblem problem) {
        Matcher field = LESSON_FIELD.matcher(problem.field());
        if (problem.file().equals(PackageRoot.MANIFEST) && field.matches()) {
            return contents.lessonAt("/sections/" + field.group(1) + "/lessons/" + field.group(2));
        }
        return contents.lessonWithBody(problem.file());
    }
}
