package edu.sevenp.desktop.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoursePackageReaderTest {

    @TempDir
    Path temp;

    private final CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());

    @Test
    void readsAValidFolderWithEveryLessonBody() throws Exception {
        PackageFixture fixture = PackageFixture.course("Databases", 2, 3);

        CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("pkg")));

        assertThat(coursePackage.manifest().sections()).hasSize(2);
        assertThat(coursePackage.lessonCount()).isEqualTo(6);
        String firstLesson = fixture.lesson(0, 0).get("id").asText();
        assertThat(coursePackage.body(java.util.UUID.fromString(firstLesson))).contains("Body of lesson 1.1");
    }

    @Test
    void readsAZipMadeFromTheFolder() throws Exception {
        Path folder = PackageFixture.course("Zipped", 1, 2).writeTo(temp.resolve("zipped"));
        Path zip = temp.resolve("zipped.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry("zipped/" + folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }

        assertThat(reader.read(zip).lessonCount()).isEqualTo(2);
    }

    @Test
    void aMissingManifestIsReported() throws Exception {
        Files.createDirectories(temp.resolve("empty"));

        assertThat(problems(temp.resolve("empty")))
                .containsExactly("manifest.json: is missing; a course package needs a manifest.json at its top level");
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(folder.resolve("manifest.json"), "{\n  \"format\": \"sevenp-course-package\",\n  \"course\": {\n}");

        List<String> problems = problems(folder);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("manifest.json:4: is not valid JSON:");
    }

    @Test
    void reportsEveryProblemAtOnceWithFieldAndLine() throws Exception {
        PackageFixture fixture = PackageFixture.course("Many problems", 1, 2);
        fixture.lesson(0, 1).put("order", 1);
        fixture.lesson(0, 0).put("contentType", "podcast");
        fixture.course().remove("title");

        List<String> problems = problems(fixture.writeTo(temp.resolve("many")));

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .matches("manifest\\.json:\\d+: course\\.title: is required"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .matches("manifest\\.json:\\d+: sections\\[0]\\.lessons\\[1]\\.order: duplicate lesson order 1 in this section .*"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .matches("manifest\\.json:\\d+: sections\\[0]\\.lessons\\[0]\\.contentType: must be one of video, text, quiz,"
                        + " assignment; was \"podcast\""));
    }

    @Test
    void lineNumbersPointAtTheOffendingField() throws Exception {
        PackageFixture fixture = PackageFixture.course("Lines", 1, 1);
        fixture.lesson(0, 0).put("order", 0);
        Path folder = fixture.writeTo(temp.resolve("lines"));
        List<String> lines = Files.readAllLines(folder.resolve("manifest.json"));
        int expected = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"order\" : 0")) {
                expected = i + 1;
            }
        }

        assertThat(problems(folder)).containsExactly(
                "manifest.json:" + expected + ": sections[0].lessons[0].order: must be 1 or more, was 0");
    }

    @Test
    void aBodyPathThatEscapesThePackageIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Escape", 1, 1);
        fixture.lesson(0, 0).put("body", "../outside.md");
        Files.writeString(temp.resolve("outside.md"), "# not part of the package");

        assertThat(problems(fixture.writeTo(temp.resolve("escape")))).singleElement().asString()
                .contains("sections[0].lessons[0].body: points outside the package (\"../outside.md\")");
    }

    @Test
    void anAbsoluteBodyPathIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Absolute", 1, 1);
        fixture.lesson(0, 0).put("body", "/etc/passwd");

        assertThat(problems(fixture.writeTo(temp.resolve("absolute")))).singleElement().asString()
                .contains("must be a path relative to the package folder, was the absolute path \"/etc/passwd\"");
    }

    @Test
    void aMissingLessonFileIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Missing", 1, 1);
        String body = fixture.lesson(0, 0).get("body").asText();
        fixture.file(body, null);

        assertThat(problems(fixture.writeTo(temp.resolve("missing")))).singleElement().asString()
                .contains("sections[0].lessons[0].body: names \"" + body + "\", which is not a file in the package");
    }

    @Test
    void aNewerFormatAsksForANewerPlayer() throws Exception {
        PackageFixture fixture = PackageFixture.course("Future", 1, 1);
        fixture.manifest().put("formatVersion", 2);

        assertThat(problems(fixture.writeTo(temp.resolve("future")))).singleElement().asString()
                .contains("this package needs a newer player (format 2)");
    }

    @Test
    void unknownFieldsAreReportedSoTyposAreFound() throws Exception {
        PackageFixture fixture = PackageFixture.course("Typo", 1, 1);
        ((ObjectNode) fixture.lesson(0, 0)).put("titel", "oops");

        assertThat(problems(fixture.writeTo(temp.resolve("typo")))).singleElement().asString()
                .contains("sections[0].lessons[0].titel: is not a field of this object");
    }

    @Test
    void aLessonFileThatIsNotUtf8IsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Latin1", 1, 1);
        Path folder = fixture.writeTo(temp.resolve("latin1"));
        String body = fixture.lesson(0, 0).get("body").asText();
        try (OutputStream out = Files.newOutputStream(folder.resolve(body))) {
            out.write("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        }

        assertThat(problems(folder)).containsExactly(body + ": is not valid UTF-8 text");
    }

    @Test
    void duplicateIdsAreRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Dupes", 1, 2);
        fixture.lesson(0, 1).put("id", fixture.lesson(0, 0).get("id").asText());

        assertThat(problems(fixture.writeTo(temp.resolve("dupes")))).singleElement().asString()
                .contains("sections[0].lessons[1].id: the lesson id").contains("is already used at sections[0].lessons[0]");
    }

    private List<String> problems(Path location) {
        InvalidPackageException failure = (InvalidPackageException) org.assertj.core.api.Assertions
                .catchThrowable(() -> reader.read(location));
        assertThat(failure).as("the package should be rejected").isNotNull();
        return failure.problems().stream().map(PackageProblem::toString).toList();
    }
}
