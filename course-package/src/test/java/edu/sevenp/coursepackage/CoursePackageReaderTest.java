package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoursePackageReaderTest {

    /** Where Linux lists this process's open files. */

    @Test
    void problemsListsExactlyWhatReadRefusesAndNothingForAValidPackage() throws Exception {
        PackageFixture fixture = PackageFixture.course("Checked", 1, 2);
        Path valid = fixture.writeTo(temp.resolve("valid"));
        fixture.lesson(0, 1).put("order", 1);
        fixture.removeFile("lessons/lesson-1-1.md");
        Path broken = fixture.writeTo(temp.resolve("broken"));

        assertThat(reader.problems(valid, PackagePurpose.IMPORT)).isEmpty();
        assertThat(reader.problems(broken, PackagePurpose.IMPORT)).hasSize(2).isEqualTo(refusal(broken));
        assertThat(reader.problems(temp.resolve("missing"), PackagePurpose.IMPORT)).isEqualTo(refusal(temp.resolve("missing")));
    }

    private List<PackageProblem> refusal(Path location) throws IOException {
        try (CoursePackage accepted = reader.read(location)) {
            throw new AssertionError("the package was accepted: " + accepted.source());
        } catch (InvalidPackageException e) {
            return e.problems();
        }
    }
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

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
        assertThat(coursePackage.body(UUID.fromString(firstLesson)))
                .isEqualTo(new LessonBody("# Lesson 1.1\n\nBody of lesson 1.1.\n", LessonFormat.MARKDOWN));
    }

    @Test
    void readsAZipMadeFromTheFolderAndItsFilesUntilClosed() throws Exception {
        PackageFixture fixture = PackageFixture.course("Zipped", 1, 2);
        fixture.addMedia("media/clip.mp4", bytes("zipped video bytes"), "video/mp4");
        Path zip = zip(fixture.writeTo(temp.resolve("zipped")), temp.resolve("zipped.zip"));

        Path clip;
        try (CoursePackage coursePackage = reader.read(zip)) {
            assertThat(coursePackage.lessonCount()).isEqualTo(2);
            clip = coursePackage.file("media/clip.mp4");
            assertThat(Files.readAllBytes(clip)).isEqualTo(bytes("zipped video bytes"));
        }
        assertThat(clip.getFileSystem().isOpen()).as("the zip is closed with the package").isFalse();
    }

    @Test
    void aRejectedZipIsClosedAgain() throws Exception {
        PackageFixture fixture = PackageFixture.course("Broken zip", 1, 1);
        fixture.lesson(0, 0).put("order", 0);
        Path zip = zip(fixture.writeTo(temp.resolve("broken-zip")), temp.resolve("broken.zip"));

        assertThat(problems(zip)).hasSize(1);

        assertThat(descriptorsOpenOn(zip)).as("file descriptors still open on the rejected zip").isEmpty();
        // Where there is no /proc (Windows): a zip left open keeps the file locked, and this move fails.
        Files.move(zip, temp.resolve("moved.zip"));
        assertThat(temp.resolve("moved.zip")).exists();
    }

    @Test
    void anOpenZipIsSeenAmongTheProcesssOpenFiles() throws Exception {
        assumeTrue(Files.isDirectory(OPEN_FILES), "a /proc file system (Linux)");
        Path zip = zip(PackageFixture.course("Open zip", 1, 1).writeTo(temp.resolve("open-zip")), temp.resolve("open.zip"));

        try (FileSystem open = FileSystems.newFileSystem(zip)) {
            assertThat(open.isOpen()).isTrue();
            assertThat(descriptorsOpenOn(zip)).as("the check aRejectedZipIsClosedAgain relies on").isNotEmpty();
        }
        assertThat(descriptorsOpenOn(zip)).isEmpty();
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
        fixture.lesson(0, 0).put("body", "/etc/passwd.md");

        assertThat(problems(fixture.writeTo(temp.resolve("absolute")))).singleElement().asString()
                .contains("must be a path relative to the package folder, was the absolute path \"/etc/passwd.md\"");
    }

    @Test
    void aWindowsAbsolutePathIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Windows", 1, 1);
        fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4").put("file", "C:\\media\\a.mp4");

        assertThat(problems(fixture.writeTo(temp.resolve("windows")))).singleElement().asString().matches(
                "manifest\\.json:\\d+: media\\[0]\\.file: must be a path relative to the package folder, was the"
                        + " absolute path \"C:\\\\media\\\\a\\.mp4\"");
    }

    @Test
    void aMediaPathThatEscapesThePackageIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Media escape", 1, 1);
        fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4").put("file", "media/../../secret.mp4");
        Files.writeString(temp.resolve("secret.mp4"), "video");

        assertThat(problems(fixture.writeTo(temp.resolve("media-escape")))).singleElement().asString()
                .endsWith("media[0].file: points outside the package (\"media/../../secret.mp4\"); files must be inside the"
                        + " package folder");
    }

    @Test
    void aMissingMediaFileIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Missing media", 1, 1);
        fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4");
        fixture.removeFile("media/a.mp4");

        assertThat(problems(fixture.writeTo(temp.resolve("missing-media")))).singleElement().asString()
                .endsWith("media[0].file: names \"media/a.mp4\", which is not a file in the package");
    }

    @Test
    void aBadHashNamesTheExpectedAndTheActualHash() throws Exception {
        PackageFixture fixture = PackageFixture.course("Bad hash", 1, 1);
        ObjectNode media = fixture.addMedia("media/a.mp4", bytes("original"), "video/mp4");
        fixture.file("media/a.mp4", bytes("tampered"));
        String expected = media.get("sha256").asText();
        String actual = PackageFixture.sha256(bytes("tampered"));

        assertThat(problems(fixture.writeTo(temp.resolve("bad-hash")))).singleElement().asString()
                .endsWith("media[0].sha256: the file \"media/a.mp4\" has SHA-256 " + actual + ", not " + expected
                        + " as the manifest says; the file is damaged or the manifest is out of date");
    }

    @Test
    void aResourceFileOfTheWrongSizeIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Bad size", 1, 1);
        fixture.addResourceFile(fixture.lesson(0, 0), "Schema", "resources/schema.sql", bytes("CREATE TABLE t ();"),
                "application/sql");
        fixture.file("resources/schema.sql", bytes("CREATE TABLE t (id INTEGER);"));

        assertThat(problems(fixture.writeTo(temp.resolve("bad-size")))).singleElement().asString()
                .endsWith("sections[0].lessons[0].resources[0].size: the file \"resources/schema.sql\" is 28 bytes, not 18"
                        + " as the manifest says");
    }

    @Test
    void onlyFilesTheManifestNamesCanBeOpened() throws Exception {
        PackageFixture fixture = PackageFixture.course("Named files", 1, 1);
        fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4");
        fixture.file("media/unlisted.mp4", bytes("other"));

        try (CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("named")))) {
            assertThat(coursePackage.file("media/a.mp4")).hasBinaryContent(bytes("video"));
            assertThatThrownBy(() -> coursePackage.file("media/unlisted.mp4"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no file \"media/unlisted.mp4\"");
        }
    }

    @Test
    void anHtmlBodyIsReadAsSafeHtml() throws Exception {
        PackageFixture fixture = PackageFixture.course("Html", 1, 1);
        fixture.lesson(0, 0).put("body", "lessons/page.html");
        fixture.file("lessons/page.html", "<html><head><script>steal()</script></head><body><h1 onclick=\"x()\">Keys</h1>"
                + "<p>Every row has one.</p></body></html>");

        try (CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("html")))) {
            assertThat(coursePackage.body(UUID.fromString(fixture.lesson(0, 0).get("id").asText())))
                    .isEqualTo(new LessonBody("<h1>Keys</h1><p>Every row has one.</p>", LessonFormat.HTML));
        }
    }

    @Test
    void formatOneReadsEveryBodyAsMarkdown() throws Exception {
        PackageFixture fixture = PackageFixture.course("Format one", 1, 1);
        fixture.manifest().put("formatVersion", 1);
        fixture.lesson(0, 0).put("body", "lessons/page.html");
        fixture.file("lessons/page.html", "<h1>Shown as text</h1>");

        try (CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("format-one")))) {
            assertThat(coursePackage.body(UUID.fromString(fixture.lesson(0, 0).get("id").asText())))
                    .isEqualTo(new LessonBody("<h1>Shown as text</h1>", LessonFormat.MARKDOWN));
        }
    }

    @Test
    void aMissingLessonFileIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Missing", 1, 1);
        String body = fixture.lesson(0, 0).get("body").asText();
        fixture.removeFile(body);

        assertThat(problems(fixture.writeTo(temp.resolve("missing")))).singleElement().asString()
                .contains("sections[0].lessons[0].body: names \"" + body + "\", which is not a file in the package");
    }

    @Test
    void aNewerFormatAsksForANewerPlayer() throws Exception {
        PackageFixture fixture = PackageFixture.course("Future", 1, 1);
        fixture.manifest().put("formatVersion", ManifestModel.FORMAT_VERSION + 1);

        assertThat(problems(fixture.writeTo(temp.resolve("future")))).singleElement().asString()
                .contains("this package needs a newer player (format 4); this player reads format 3 - update the player");
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

    @Test
    void courseFieldsFollowTheirFormats() throws Exception {
        PackageFixture fixture = PackageFixture.course("Formats", 1, 1);
        fixture.manifest().put("format", "scorm");
        fixture.course().put("slug", "Not A Slug").put("difficulty", "expert").put("language", "english")
                .put("version", "v2");

        assertThat(problems(fixture.writeTo(temp.resolve("formats")))).extracting(problem -> problem.replaceFirst(":\\d+:", ":"))
                .containsExactlyInAnyOrder(
                        "manifest.json: format: must be \"sevenp-course-package\", was \"scorm\"",
                        "manifest.json: course.slug: must be lower-case words joined by hyphens, was \"Not A Slug\"",
                        "manifest.json: course.difficulty: must be one of beginner, intermediate, advanced; was \"expert\"",
                        "manifest.json: course.language: must be a language code such as en or pt-BR, was \"english\"",
                        "manifest.json: course.version: must be numbers separated by dots, such as 1.2.0, was \"v2\"");
    }

    @Test
    void anIdThatIsNotAUuidIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Ids", 1, 1);
        fixture.section(0).put("id", "section-1");

        assertThat(problems(fixture.writeTo(temp.resolve("ids")))).singleElement().asString().endsWith("sections[0].id:"
                + " must be a UUID such as 3f1c9a2e-5b7d-4c1e-9a8f-2d6b0e4c7a13, was \"section-1\"");
    }

    @Test
    void duplicateSectionOrdersAndLessonSlugsAreRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Duplicates", 2, 1);
        fixture.section(1).put("order", 1);
        fixture.lesson(1, 0).put("slug", fixture.lesson(0, 0).get("slug").asText());

        assertThat(problems(fixture.writeTo(temp.resolve("duplicates")))).extracting(problem -> problem.replaceFirst(":\\d+:", ":"))
                .containsExactlyInAnyOrder(
                        "manifest.json: sections[1].order: duplicate section order 1 (also used by sections[0])",
                        "manifest.json: sections[1].lessons[0].slug: duplicate lesson slug \"lesson-1-1\" (also used at"
                                + " sections[0].lessons[0])");
    }

    @Test
    void aPathWithBackslashesIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Backslashes", 1, 1);
        fixture.lesson(0, 0).put("body", "lessons\\lesson-1-1.md");

        assertThat(problems(fixture.writeTo(temp.resolve("backslashes")))).singleElement().asString()
                .endsWith("sections[0].lessons[0].body: must use forward slashes (/), was \"lessons\\lesson-1-1.md\"");
    }

    @Test
    void aLinkLeadingOutOfThePackageIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Linked", 1, 1);
        fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4");
        Path folder = fixture.writeTo(temp.resolve("linked"));
        Path outside = Files.write(temp.resolve("outside.mp4"), bytes("video"));
        Files.delete(folder.resolve("media/a.mp4"));
        Files.createSymbolicLink(folder.resolve("media/a.mp4"), outside);

        assertThat(problems(folder)).singleElement().asString()
                .endsWith("media[0].file: names \"media/a.mp4\", a link that leads outside the package");
    }

    @Test
    void aLessonBodyOverTheSizeLimitIsRejected() throws Exception {
        PackageFixture fixture = PackageFixture.course("Huge", 1, 1);
        String body = fixture.lesson(0, 0).get("body").asText();
        fixture.file(body, "x".repeat((int) CoursePackageReader.MAX_BODY_BYTES + 1));

        assertThat(problems(fixture.writeTo(temp.resolve("huge")))).singleElement().asString()
                .endsWith("sections[0].lessons[0].body: names \"" + body + "\", which is larger than "
                        + CoursePackageReader.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void aManifestThatIsNotUtf8IsRejected() throws Exception {
        Path folder = PackageFixture.course("Latin-1 manifest", 1, 1).writeTo(temp.resolve("latin1-manifest"));
        Files.write(folder.resolve("manifest.json"), "{\"format\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(folder)).containsExactly("manifest.json: is not valid UTF-8 text");
    }

    private static Path zip(Path folder, Path zip) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * This process's open file descriptors that lead to {@code file}: Linux lists each as a link in
     * /proc/self/fd. Empty where there is no /proc; the caller then needs a check of its own.
     */
    private static List<Path> descriptorsOpenOn(Path file) throws IOException {
        if (!Files.isDirectory(OPEN_FILES)) {
            return List.of();
        }
        Path target = file.toRealPath();
        try (Stream<Path> descriptors = Files.list(OPEN_FILES)) {
            return descriptors.filter(descriptor -> leadsTo(descriptor, target)).toList();
        }
    }

    private static boolean leadsTo(Path descriptor, Path target) {
        try {
            return Files.readSymbolicLink(descriptor).equals(target);
        } catch (IOException e) {
            return false; // closed while listing (the listing's own descriptor, for one)
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> problems(Path location) {
        InvalidPackageException failure = (InvalidPackageException) org.assertj.core.api.Assertions
                .catchThrowable(() -> reader.read(location));
        assertThat(failure).as("the package should be rejected").isNotNull();
        return failure.problems().stream().map(PackageProblem::toString).toList();
    }
}
