package edu.sevenp.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.ImportSummary.Outcome;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.model.Course;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An institution's course folder: imported when new, again when newer, a broken package reported and skipped. */
class CoursePackageFolderTest {

    @TempDir
    Path courses;
    @TempDir
    Path work;
    private LocalStore store;
    private CoursePackageFolder folder;

    @BeforeEach
    void open() {
        store = LocalStore.openInMemory("folder-" + UUID.randomUUID());
        folder = new CoursePackageFolder(courses, new CoursePackageReader(JsonMapperFactory.createStrict()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void packagesAreImportedOnceAndAgainWhenANewerVersionAppears() throws IOException {
        PackageFixture nursing = PackageFixture.course("Care Basics", 1, 2);
        nursing.writeTo(courses.resolve("care-basics"));
        PackageFixture safety = PackageFixture.course("Lab Safety", 1, 1);
        zip(safety.writeTo(work.resolve("lab-safety")), courses.resolve("lab-safety.zip"));
        Files.writeString(courses.resolve("notes.txt"), "not a package, left alone");
        Files.createDirectories(courses.resolve("empty-folder"));

        assertThat(folder.importInto(store.importer()).imported()).extracting(ImportSummary::title, ImportSummary::outcome)
                .containsExactly(tuple("Care Basics", Outcome.INSTALLED), tuple("Lab Safety", Outcome.INSTALLED));
        assertThat(folder.importInto(store.importer()).imported()).extracting(ImportSummary::outcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);

        nursing.version("1.1.0").lesson(0, 0).put("title", "Hand Hygiene");
        nursing.writeTo(courses.resolve("care-basics"));
        CoursePackageFolder.Report later = folder.importInto(store.importer());

        assertThat(later.changed()).extracting(ImportSummary::title, ImportSummary::previousVersion, ImportSummary::version)
                .containsExactly(tuple("Care Basics", "1.0.0", "1.1.0"));
        assertThat(store.courses().courses()).extracting(Course::title).contains("Care Basics", "Lab Safety");
        assertThat(store.courses().outline(later.changed().get(0).courseId()).orElseThrow().sections().get(0).lessons())
                .extracting(Lesson::title).contains("Hand Hygiene");

        nursing.version("1.0.5").writeTo(courses.resolve("care-basics"));
        assertThat(folder.importInto(store.importer()).imported()).extracting(ImportSummary::outcome)
                .as("an older package never replaces a newer course").containsExactly(Outcome.KEPT_NEWER, Outcome.UNCHANGED);
    }

    @Test
    void aBrokenPackageIsReportedAndTheOthersAreStillImported() throws IOException {
        PackageFixture broken = PackageFixture.course("Broken", 1, 1);
        broken.course().put("title", "");
        broken.writeTo(courses.resolve("a-broken"));
        Files.writeString(courses.resolve("b-not-a-zip.zip"), "plain text");
        PackageFixture.course("Works", 1, 1).writeTo(courses.resolve("c-works"));

        CoursePackageFolder.Report report = folder.importInto(store.importer());

        assertThat(report.imported()).extracting(ImportSummary::title).containsExactly("Works");
        assertThat(report.failures()).extracting(CoursePackageFolder.Failure::location)
                .containsExactly(courses.resolve("a-broken"), courses.resolve("b-not-a-zip.zip"));
        assertThat(report.failures().get(0).message()).contains("is not valid").contains("Nothing was imported.");
    }

    @Test
    void aFolderThatCannotBeReadIsOneFailure() {
        CoursePackageFolder gone = new CoursePackageFolder(courses.resolve("unplugged"),
                new CoursePackageReader(JsonMapperFactory.createStrict()));

        CoursePackageFolder.Report report = gone.importInto(store.importer());

        assertThat(report.imported()).isEmpty();
        assertThat(report.failures()).singleElement().satisfies(failure -> assertThat(failure.message())
                .startsWith("The course folder " + courses.resolve("unplugged") + " cannot be read"));
    }

    private static void zip(Path folder, Path zipFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
