package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --new-course} and {@code --validate} together, on real folders and a real profile: a new course is ready
 * with no warnings and imports into a fresh profile; {@code --validate} runs in a JVM of its own without JavaFX.
 */
class CourseAuthoringCommandsIT {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aNewCourseValidatesCleanAndImportsIntoAFreshProfile() {
        Path folder = temp.resolve("my-first-course");

        assertThat(NewCourseCommand.run(folder, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "Wrote a new course package to " + folder + ":", "  manifest.json", "  lessons/01-welcome.md",
                "  lessons/02-check-your-understanding.md", "  README.md",
                "Edit it, then check it with: sevenp --validate " + folder, ""));
        out.reset();

        assertThat(ValidateCommand.run(folder, false, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Course package " + folder + ": ready, no errors, no warnings\n\nTotals: 2 lessons, 1 quiz, ");
        out.reset();

        DesktopPaths fresh = new DesktopPaths(temp.resolve("data"), "author");
        assertThat(PackageImportCommand.run(fresh, folder, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Installed \"My first course\" 0.1.0: 2 sections,"
                + " 2 lessons." + System.lineSeparator());
        try (DesktopContext context = DesktopContext.open(fresh)) {
            assertThat(context.store().courses().courseCount()).isEqualTo(2); // the bundled sample and the new course
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFolderWithAnythingInItIsRefusedAndLeftAsItWas() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(folder.resolve("draft.md"), "my draft");

        int exitCode = NewCourseCommand.run(folder, print(out), print(err));

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("No course was written: " + folder + ": is not empty;"
                + " a new course is written only into a new or empty folder, so nothing of yours is overwritten"
                + System.lineSeparator());
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve("draft.md"));
        }
        assertThat(Files.readString(folder.resolve("draft.md"))).isEqualTo("my draft");
    }

    /** The launcher as a script runs it: its own JVM, exit code and output; no JavaFX class is even loaded. */
    @Test
    void validateRunsHeadlessWithoutJavaFxAndExitsByTheVerdict() throws Exception {
        Path ready = temp.resolve("ready");
        NewCourseCommand.run(ready, print(out), print(err));
        Path broken = temp.resolve("broken");
        NewCourseCommand.run(broken, print(out), print(err));
        Files.delete(broken.resolve("lessons/01-welcome.md"));

        Run readyRun = launch("--validate", ready.toString(), "--json");
        Run brokenRun = launch("--validate", broken.toString());

        assertThat(readyRun.exitCode()).isZero();
        assertThat(readyRun.classesLoaded()).isNotEmpty().noneMatch(name -> name.startsWith("javafx.")
                || name.startsWith("com.sun.javafx.") || name.startsWith("org.h2."));
        JsonNode report = JsonMapperFactory.create().readTree(readyRun.output().get(0));
        assertThat(report.get("ready").asBoolean()).isTrue();
        assertThat(report.get("items")).isEmpty();
        assertThat(brokenRun.exitCode()).isEqualTo(1);
        assertThat(brokenRun.output()).contains("    manifest.json:" + lineOf(broken, "\"body\" : \"lessons/01-welcome.md\"")
                + " sections[0].lessons[0].body \u2014 names \"lessons/01-welcome.md\", which is not a file in the package");
    }

    private record Run(int exitCode, List<String> output, List<String> classesLoaded) {
    }

    private static Run launch(String... arguments) throws Exception {
        List<String> output = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(List.of("-Xlog:class+load=info:stdout:tags"), Launcher.class, arguments)) {
            Optional<String> line;
            while ((line = child.nextLine(Duration.ofSeconds(60))).isPresent()) {
                String text = line.get();
                if (text.startsWith("[class,load]")) {
                    classes.add(text.substring("[class,load]".length()).trim().split(" ")[0]);
                } else {
                    output.add(text);
                }
            }
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(child.process().exitValue(), output, classes);
        }
    }

    private static int lineOf(Path folder, String text) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("manifest.json"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
