package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --validate}: the report in words or JSON, and the exit code scripts rely on. */
class ValidateCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void warningsAloneExitZeroAndArePrintedByFileAsFileLineFieldMessage() throws Exception {
        PackageFixture fixture = PackageFixture.course("Warned", 1, 2);
        fixture.lesson(0, 1).remove("readingTimeMinutes");
        fixture.file("lessons/lesson-1-1.md", "# One\n\nSee [two](lesson-2-2.md).\n");
        Path folder = fixture.writeTo(temp.resolve("warned"));
        long bytes = Files.size(folder.resolve("manifest.json")) + Files.size(folder.resolve("lessons/lesson-1-1.md"))
                + Files.size(folder.resolve("lessons/lesson-1-2.md"));

        int exitCode = ValidateCommand.run(folder, false, print(out), print(err));

        assertThat(exitCode).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        int line = lineOf(folder, "\"id\" : \"" + fixture.lesson(0, 1).get("id").asText()) - 1;
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "Course package " + folder + ": ready, no errors, 2 warnings",
                "",
                "Warnings:",
                "  manifest.json",
                "    manifest.json:" + line + " sections[0].lessons[1].readingTimeMinutes \u2014 is missing: the course's"
                        + " length and a learner's time left leave this lesson out; add readingTimeMinutes",
                "  lessons/lesson-1-1.md",
                "    lessons/lesson-1-1.md:3 sections[0].lessons[0].body \u2014 links to \"lesson-2-2.md\", which is"
                        + " neither a lesson nor a file of the package",
                "",
                "Totals: 2 lessons, no quizzes, about 0.1 hours, " + String.format(java.util.Locale.ROOT, "%.1f", bytes
                        / 1_000.0) + " kB to download (" + bytes + " bytes)",
                ""));
    }

    @Test
    void errorsExitOneAndComeFirst() {
        PackageFixture fixture = PackageFixture.course("Broken", 1, 2);
        fixture.lesson(0, 1).put("order", 1);
        fixture.removeFile("lessons/lesson-1-1.md");
        Path folder = fixture.writeTo(temp.resolve("broken"));

        int exitCode = ValidateCommand.run(folder, false, print(out), print(err));

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Course package " + folder + ": NOT READY, 2 errors,"
                + " no warnings\n\nErrors (the import refuses the package"
                + " until they are fixed):\n  manifest.json\n    manifest.json:")
                .contains(" sections[0].lessons[0].body \u2014 names \"lessons/lesson-1-1.md\", which is not a file in the"
                        + " package\n")
                .contains(" sections[0].lessons[1].order \u2014 duplicate lesson order 1 in this section (also used by"
                        + " lessons[0])\n");
    }

    @Test
    void jsonIsOneObjectWithTheVerdictTotalsAndLocatedItems() throws Exception {
        PackageFixture fixture = PackageFixture.course("Scripted", 1, 1);
        ObjectNode quiz = fixture.addQuiz(fixture.lesson(0, 0), "Practice", "practice");
        fixture.addTrueFalseQuestion(quiz, "True?");
        fixture.file("stray.txt", "not named by the manifest");
        Path folder = fixture.writeTo(temp.resolve("scripted"));

        int exitCode = ValidateCommand.run(folder, true, print(out), print(err));

        assertThat(exitCode).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode json = JsonMapperFactory.create().readTree(text);
        assertThat(fieldNames(json)).containsExactly("source", "ready", "errors", "warnings", "totals", "items");
        assertThat(json.get("source").asText()).isEqualTo(folder.toString());
        assertThat(json.get("ready").asBoolean()).isTrue();
        assertThat(json.get("errors").asInt()).isZero();
        assertThat(json.get("warnings").asInt()).isEqualTo(2);
        assertThat(fieldNames(json.get("totals"))).containsExactly("downloadBytes", "lessons", "quizzes", "estimatedHours");
        assertThat(json.get("totals").get("lessons").asInt()).isEqualTo(1);
        assertThat(json.get("totals").get("quizzes").asInt()).isEqualTo(1);
        assertThat(json.get("totals").get("estimatedHours").decimalValue()).isEqualByComparingTo("0.05");
        JsonNode explanation = json.get("items").get(0);
        assertThat(fieldNames(explanation)).containsExactly("severity", "check", "file", "line", "field", "message",
                "lessonId");
        assertThat(explanation.get("severity").asText()).isEqualTo("warning");
        assertThat(explanation.get("check").asText()).isEqualTo("question-without-explanation");
        assertThat(explanation.get("file").asText()).isEqualTo("manifest.json");
        assertThat(explanation.get("line").asInt()).isPositive();
        assertThat(explanation.get("field").asText()).isEqualTo("sections[0].lessons[0].quizzes[0].questions[0].explanation");
        assertThat(explanation.get("lessonId").asText()).isEqualTo(fixture.lesson(0, 0).get("id").asText());
        JsonNode stray = json.get("items").get(1);
        assertThat(stray.get("check").asText()).isEqualTo("media-unreferenced");
        assertThat(stray.get("file").asText()).isEqualTo("stray.txt");
        assertThat(stray.get("line").isNull()).isTrue();
        assertThat(stray.get("field").isNull()).isTrue();
        assertThat(stray.get("lessonId").isNull()).isTrue();
    }

    @Test
    void aPathThatIsNoPackageIsAnErrorInTheReport() throws Exception {
        int exitCode = ValidateCommand.run(temp.resolve("missing"), true, print(out), print(err));

        assertThat(exitCode).isEqualTo(1);
        JsonNode json = JsonMapperFactory.create().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("ready").asBoolean()).isFalse();
        assertThat(json.get("items").get(0).get("message").asText())
                .isEqualTo("does not exist; a course package is a folder or a .zip file");
    }

    @Test
    void theBundledSampleIsReadyWithoutWarnings() throws Exception {
        Path sample = Path.of(ValidateCommandTest.class
                .getResource("/edu/sevenp/desktop/sample/intro-to-relational-databases/manifest.json").toURI()).getParent();

        int exitCode = ValidateCommand.run(sample, false, print(out), print(err));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Course package " + sample
                + ": ready, no errors, no warnings\n\nTotals: 11 lessons, 4 quizzes, ");
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
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
