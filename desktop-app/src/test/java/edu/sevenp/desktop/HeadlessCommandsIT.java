package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.HoldStoreOpen;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --self-check, --import and what --sign-in, --sync and --sign-out do without a server, on a real profile folder. */
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

    @Test
    void syncOfAProfileNeverSignedInSaysHowToSignInAndExits3() {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");

        int exitCode = SyncCommand.run(paths, false, print(out), print(err));

        assertThat(exitCode).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("This profile is not signed in to a sync server; sign in"
                + " first: sevenp --sign-in <server URL> <email>" + System.lineSeparator());
    }

    @Test
    void syncJsonOfAProfileOpenInAPlayerExits7WithOneJsonObject() throws Exception {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        int exitCode;
        try (ChildJvm player = ChildJvm.start(HoldStoreOpen.class, paths.profileDirectory().toString())) {
            player.awaitLine("open", Duration.ofSeconds(60));
            exitCode = SyncCommand.run(paths, true, print(out), print(err));
        }

        assertThat(exitCode).isEqualTo(7);
        JsonNode report = onlyJsonLine();
        assertThat(report.get("message").asText()).contains("is open in another 7P player");
        ((ObjectNode) report).remove("message");
        assertThat(report).isEqualTo(JsonMapperFactory.create().readTree(
                "{\"result\":\"failed\",\"exitCode\":7,\"error\":\"profile_in_use\"}"));
    }

    @Test
    void syncJsonWhenTheServerIsUnreachableExits5AndCountsWhatWaits() throws Exception {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/");
        try (DesktopContext context = DesktopContext.open(paths)) {
            new CredentialFile(paths.profileDirectory().resolve(CredentialFile.NAME)).save(new Credentials(nowhere,
                    UUID.randomUUID(), "ana@example.org", "Ana", context.store().identity().deviceId().value(), "refresh-1",
                    OffsetDateTime.parse("2027-03-05T09:00:00Z")));
        }

        int exitCode = SyncCommand.run(paths, true, print(out), print(err));

        assertThat(exitCode).isEqualTo(5);
        JsonNode report = onlyJsonLine();
        assertThat(report.get("message").asText()).startsWith("Cannot reach the server " + nowhere);
        ((ObjectNode) report).remove("message");
        assertThat(report).isEqualTo(JsonMapperFactory.create().readTree("{\"result\":\"failed\",\"exitCode\":5,"
                + "\"server\":\"" + nowhere + "\",\"email\":\"ana@example.org\",\"pendingChanges\":0,\"heldChanges\":0,"
                + "\"rejectedChanges\":0,\"conflictCopies\":0,\"error\":\"unreachable\"}"));
    }

    @Test
    void signInWithNoPasswordDoesNothingAndExits2() {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        LaunchOptions.SignIn target = new LaunchOptions.SignIn(URI.create("http://127.0.0.1:9/"), "ana@example.org");

        int exitCode = SignInCommand.run(paths, target, prompt -> new char[0], print(out), print(err));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("No password came on standard input (one line is read);"
                + " nothing was done." + System.lineSeparator());
        assertThat(paths.profileDirectory().resolve(CredentialFile.NAME)).doesNotExist();
    }

    @Test
    void signInToAServerThatIsNotThereExits5AndStaysSignedOut() throws IOException {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        LaunchOptions.SignIn target = new LaunchOptions.SignIn(URI.create("http://127.0.0.1:" + freePort() + "/"),
                "ana@example.org");

        int exitCode = SignInCommand.run(paths, target, prompt -> "correct horse battery".toCharArray(), print(out),
                print(err));

        assertThat(exitCode).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Cannot reach the server");
        assertThat(paths.profileDirectory().resolve(CredentialFile.NAME)).doesNotExist();
    }

    @Test
    void signingOutAProfileThatIsNotSignedInIsAlreadyDone() {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");

        int exitCode = SignOutCommand.run(paths, print(out), print(err));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("This profile was not signed in. Everything in it is kept."
                + System.lineSeparator());
    }

    private JsonNode onlyJsonLine() throws IOException {
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).as(text).hasSize(1);
        return JsonMapperFactory.create().readTree(text);
    }

    /** A port nothing listens on (it was free a moment ago). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
