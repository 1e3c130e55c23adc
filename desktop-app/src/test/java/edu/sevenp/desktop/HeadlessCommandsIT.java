package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --self-check and --import against a real profile folder on disk. */
class HeadlessCommandsIT {

    @TempDir
    Path dataDirectory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void selfCheckCreatesMigratesAndReportsOnOneJsonLine() throws Exception {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");

        int exitCode = SelfCheck.run(paths, print(out));

        assertThat(exitCode).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode report = JsonMapperFactory.create().readTree(text);
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("courseCount").asInt()).isEqualTo(1);
        assertThat(report.get("schemaVersion").asText()).isNotBlank();
        assertThat(report.get("dataDirectory").asText()).isEqualTo(dataDirectory.toString());
        assertThat(dataDirectory.resolve("profiles/default/store.mv.db")).exists();
    }

    @Test
    void importPrintsASummaryAndTheCourseIsThere() {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "ana");
        Path course = PackageFixture.course("Imported course", 2, 2).writeTo(dataDirectory.resolve("incoming"));

        int exitCode = PackageImportCommand.run(paths, course, print(out), print(err));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Installed \"Imported course\" 1.0.0: 2 sections, 4 lessons."
                + System.lineSeparator());
        SelfCheck.run(paths, print(new ByteArrayOutputStream()));
        try (DesktopContext context = DesktopContext.open(paths)) {
            assertThat(context.store().courses().courseCount()).isEqualTo(2);
        }
    }

    @Test
    void importOfAZipWithAVideoPutsTheVerifiedFileInTheProfilesMediaFolder() throws Exception {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "ana");
        byte[] video = "an MP4 file, for the test".getBytes(StandardCharsets.UTF_8);
        PackageFixture fixture = PackageFixture.course("Video course", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", video, "video/mp4"));
        Path zip = zip(fixture.writeTo(dataDirectory.resolve("video-course")), dataDirectory.resolve("video-course.zip"));

        int exitCode = PackageImportCommand.run(paths, zip, print(out), print(err));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path stored = paths.profileDirectory().resolve("media").resolve(PackageFixture.sha256(video));
        assertThat(stored).hasBinaryContent(video);
        try (DesktopContext context = DesktopContext.open(paths)) {
            LessonId lesson = new LessonId(UUID.fromString(fixture.lesson(0, 0).get("id").asText()));
            assertThat(context.store().media().lessonVideo(lesson)).contains(stored);
        }
    }

    @Test
    void aBrokenPackagePrintsTheReportAndImportsNothing() {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        PackageFixture broken = PackageFixture.course("Broken", 1, 2);
        broken.lesson(0, 1).put("order", 1);

        int exitCode = PackageImportCommand.run(paths, broken.writeTo(dataDirectory.resolve("broken")), print(out), print(err));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("is not valid (1 problem)")
                .contains("sections[0].lessons[1].order: duplicate lesson order 1")
                .contains("Nothing was imported.");
        try (DesktopContext context = DesktopContext.open(paths)) {
            assertThat(context.store().courses().courseCount()).isEqualTo(1);
        }
    }

    private static Path zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream zipped = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zipped.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zipped.write(Files.readAllBytes(file));
                zipped.closeEntry();
            }
        }
        return zip;
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
