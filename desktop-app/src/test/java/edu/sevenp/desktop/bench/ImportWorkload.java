package edu.sevenp.desktop.bench;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreBenchmarkData;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Importing a course package into the big store, as {@code --import} does: reading and validating the
 * folder (manifest rules, every lesson body read), then the import's one transaction. Each run imports a
 * new course of 10 sections, its lessons' bodies about 200 words of Markdown.
 */
final class ImportWorkload {

    private static final int SECTIONS = 10;
    private static final int RUNS = 3;

    private final LocalStore store;
    private final StoreBenchmarkData data;
    private final Report report;

    ImportWorkload(LocalStore store, StoreBenchmarkData data, Report report) {
        this.store = store;
        this.data = data;
        this.report = report;
    }

    void run(int lessons, Path scratch) throws IOException, InvalidPackageException {
        CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());
        report.line("| run | read and validate ms | import ms | total ms | target |");
        report.line("|---|---:|---:|---:|---|");
        for (int run = 1; run <= RUNS; run++) {
            Path folder = packageOf(lessons, "Imported course " + run).writeTo(scratch.resolve("package-" + run));
            long start = System.nanoTime();
            try (CoursePackage coursePackage = reader.read(folder)) {
                long read = System.nanoTime();
                ImportSummary summary = store.importer().importPackage(coursePackage);
                long imported = System.nanoTime();
                if (summary.outcome() != ImportSummary.Outcome.INSTALLED) {
                    throw new IllegalStateException("the package was not installed: " + summary.describe());
                }
                report.line("| %d | %.0f | %.0f | **%.0f** | total < 3,000 ms |", run, (read - start) / 1e6,
                        (imported - read) / 1e6, (imported - start) / 1e6);
            }
        }
        report.line("");
    }

    private PackageFixture packageOf(int lessons, String title) {
        int perSection = lessons / SECTIONS;
        PackageFixture fixture = PackageFixture.course(title, SECTIONS, perSection);
        for (int s = 0; s < SECTIONS; s++) {
            for (int l = 0; l < perSection; l++) {
                fixture.file(fixture.lesson(s, l).get("body").asText(), data.markdown());
            }
        }
        return fixture;
    }
}
