package edu.sevenp.coursepackage.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.readiness.ReadinessCheck;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.coursepackage.readiness.Totals;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseTemplateTest {

    @TempDir
    Path temp;

    private final CourseTemplate template = new CourseTemplate(JsonMapperFactory.create());

    @Test
    void writesAPackageWithTwoSectionsAMarkdownLessonAnExplainedQuizAndAReadme() throws Exception {
        Path folder = temp.resolve("SQL Basics");

        List<String> written = template.write(folder);

        assertThat(written).containsExactly("manifest.json", "lessons/01-welcome.md",
                "lessons/02-check-your-understanding.md", "README.md");
        assertThat(Files.readString(folder.resolve("README.md"))).contains("docs/course-package.md", "sevenp --validate");
        try (CoursePackage read = new CoursePackageReader(JsonMapperFactory.createStrict()).read(folder)) {
            Manifest manifest = read.manifest();
            assertThat(manifest.course().slug()).isEqualTo("sql-basics");
            assertThat(manifest.course().title()).isEqualTo("Sql basics");
            assertThat(manifest.sections()).hasSize(2);
            assertThat(manifest.lessons()).extracting(LessonEntry::body)
                    .containsExactly("lessons/01-welcome.md", "lessons/02-check-your-understanding.md");
            assertThat(manifest.lessons().get(1).quizzes().get(0).questions())
                    .allSatisfy(question -> assertThat(question.explanation()).isNotBlank());
        }
    }

    @Test
    void itsPackageIsReadyWithNoWarningsForImportAndForPublishing() throws Exception {
        Path folder = temp.resolve("new-course");
        template.write(folder);
        ReadinessCheck check = new ReadinessCheck(JsonMapperFactory.createStrict());

        ReadinessReport forImport = check.check(folder, PackagePurpose.IMPORT);
        ReadinessReport forPublishing = check.check(folder, PackagePurpose.PUBLISH);

        assertThat(forImport.items()).isEmpty();
        assertThat(forPublishing.items()).isEmpty();
        assertThat(forImport.totals()).isEqualTo(new Totals(forImport.totals().downloadBytes(), 2, 1, 5 / 60.0));
    }

    @Test
    void anEmptyFolderIsTakenButOneWithAnythingInItOrAFileIsRefused() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path used = Files.createDirectories(temp.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        Path file = Files.writeString(temp.resolve("course.txt"), "a file");

        assertThat(template.write(empty)).hasSize(4);
        assertThatThrownBy(() -> template.write(used)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage(used + ": is not empty; a new course is written only into a new or empty folder, so nothing"
                        + " of yours is overwritten");
        assertThatThrownBy(() -> template.write(file)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage(file + ": is a file; a new course needs a new or empty folder");
        assertThat(Files.readString(used.resolve("notes.txt"))).isEqualTo("mine");
        try (Stream<Path> children = Files.list(used)) {
            assertThat(children).hasSize(1);
        }
    }

    @Test
    void twoCoursesFromTheTemplateShareNoIds() throws Exception {
        template.write(temp.resolve("one"));
        template.write(temp.resolve("two"));

        String one = Files.readString(temp.resolve("one/manifest.json"));
        String two = Files.readString(temp.resolve("two/manifest.json"));
        List<String> idsOfOne = ids(one);
        assertThat(idsOfOne).hasSize(9).doesNotContainAnyElementsOf(ids(two));
    }

    private static List<String> ids(String manifest) {
        return Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(manifest).results().map(MatchResult::group).toList();
    }
}
