package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.StoreSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken packages, each imported with {@code --import} into a real profile that already
 * holds a course: each is refused with a message naming the problem, and leaves every table (the
 * outbox and the search queue included) and the media folder exactly as they were.
 */
class BrokenPackageImportIT {

    private static final byte[] VIDEO = "a video of thirty-two bytes....".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDirectory;

    private DesktopPaths paths;

    @BeforeEach
    void profileWithTheSampleCourse() {
        paths = new DesktopPaths(dataDirectory, "default");
        DesktopContext.open(paths).close();
    }

    static Stream<Arguments> brokenPackages() {
        return Stream.of(
                broken("a missing lesson file", fixture -> fixture.removeFile(fixture.lesson(0, 1).get("body").asText()),
                        "sections[0].lessons[1].body: names \"lessons/lesson-1-2.md\", which is not a file in the package"),
                broken("a missing media file", fixture -> fixture.removeFile("media/intro.mp4"),
                        "media[0].file: names \"media/intro.mp4\", which is not a file in the package"),
                broken("a bad hash", fixture -> fixture.file("media/intro.mp4", "a video of other thirty-two bytes"
                                .substring(0, VIDEO.length).getBytes(StandardCharsets.UTF_8)),
                        "media[0].sha256: the file \"media/intro.mp4\" has SHA-256 "),
                broken("a duplicate lesson order", fixture -> fixture.lesson(0, 1).put("order", 1),
                        "sections[0].lessons[1].order: duplicate lesson order 1 in this section (also used by lessons[0])"),
                broken("an unknown quiz type", fixture -> ((ObjectNode) fixture.manifest().get("quizzes").get(0))
                                .put("mode", "exam"),
                        "quizzes[0].mode: must be graded or practice; was \"exam\""),
                broken("a path that escapes the package", fixture -> fixture.lesson(0, 0).put("body", "../outside.md"),
                        "sections[0].lessons[0].body: points outside the package (\"../outside.md\")"),
                broken("an absolute path", fixture -> fixture.lesson(0, 0).put("body", "/etc/lesson.md"),
                        "sections[0].lessons[0].body: must be a path relative to the package folder, was the absolute"
                                + " path \"/etc/lesson.md\""),
                broken("a Windows absolute path", fixture -> ((ObjectNode) fixture.manifest().get("media").get(0))
                                .put("file", "C:\\media\\intro.mp4"),
                        "media[0].file: must be a path relative to the package folder, was the absolute path"
                                + " \"C:\\media\\intro.mp4\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPackages")
    void aBrokenPackageIsRefusedAndChangesNothing(String name, Function<PackageFixture, Object> breakIt, String message)
            throws Exception {
        PackageFixture fixture = validPackage();
        breakIt.apply(fixture);
        Files.writeString(dataDirectory.resolve("outside.md"), "# Not part of the package");

        assertRefusedWithoutChange(fixture.writeTo(dataDirectory.resolve("incoming")), message);
    }

    @ParameterizedTest(name = "a malformed manifest")
    @MethodSource("malformed")
    void aMalformedManifestIsRefusedWithItsLineAndChangesNothing(String manifest) throws Exception {
        Path folder = validPackage().writeTo(dataDirectory.resolve("incoming"));
        Files.writeString(folder.resolve("manifest.json"), manifest);

        assertRefusedWithoutChange(folder, "manifest.json:3: is not valid JSON:");
    }

    static Stream<String> malformed() {
        return Stream.of("{\n  \"format\": \"sevenp-course-package\",\n  \"formatVersion\": 2,,\n}\n");
    }

    private void assertRefusedWithoutChange(Path packageFolder, String message) throws IOException {
        Map<String, String> before = snapshot();
        List<Path> mediaBefore = mediaFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = PackageImportCommand.run(paths, packageFolder, print(out), print(err));

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("The course package " + packageFolder + " is not valid (1 problem):")
                .contains(message)
                .endsWith("Nothing was imported." + System.lineSeparator());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(mediaFiles()).isEqualTo(mediaBefore);
    }

    /** Two lessons, a video, a resource, a graded and a practice quiz: valid until a case breaks it. */
    private static PackageFixture validPackage() {
        PackageFixture fixture = PackageFixture.course("Incoming course", 1, 2);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        fixture.addResourceFile(null, "Schema", "resources/schema.sql",
                "CREATE TABLE t (id INTEGER);".getBytes(StandardCharsets.UTF_8), "application/sql");
        fixture.addEssayQuestion(fixture.addQuiz(null, "Final", "graded"), "Explain.");
        fixture.addTrueFalseQuestion(fixture.addQuiz(fixture.lesson(0, 1), "Practice", "practice"), "True?");
        return fixture;
    }

    private Map<String, String> snapshot() {
        try (DesktopContext context = DesktopContext.open(paths)) {
            return StoreSnapshot.of(context.store());
        }
    }

    private List<Path> mediaFiles() {
        Path media = paths.profileDirectory().resolve("media");
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(media)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments broken(String name, Function<PackageFixture, Object> breakIt, String message) {
        return Arguments.of(name, breakIt, message);
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
