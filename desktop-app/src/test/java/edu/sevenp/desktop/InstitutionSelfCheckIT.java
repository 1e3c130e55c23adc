package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher itself, in a JVM of its own, with an institution's configuration: {@code --institution-config} and the
 * file beside a jpackage image are read, problems are logged with file and line, and {@code --self-check} reports the
 * courses imported from the folder and the settings in force, a lock holding over the learner's own.
 */
class InstitutionSelfCheckIT {

    @TempDir
    Path temp;

    @Test
    void selfCheckImportsTheCourseFolderReportsTheLockAndLogsEachProblemWithItsLine() throws Exception {
        PackageFixture.course("Care Basics", 1, 2).writeTo(temp.resolve("courses").resolve("care-basics"));
        Path file = Files.writeString(temp.resolve("school.properties"), """
                coursePackages = courses
                language = de
                locked = language
                proxy.http = nope
                """);
        Path data = temp.resolve("data");
        DesktopPaths paths = new DesktopPaths(data, "schule");
        SettingsFile.of(paths, Locale.ENGLISH).save(new Settings(Theme.DARK, 100, Language.ENGLISH, ""));

        List<String> output = run(List.of(), "--self-check", "--institution-config", file.toString(), "--data-dir",
                data.toString(), "--profile", "schule");

        String problem = file + ":4: proxy.http must be host:port, such as proxy.school.example:3128, was 'nope'";
        assertThat(output).anySatisfy(line -> assertThat(line).contains("WARN").contains(problem));
        JsonNode report = JsonMapperFactory.create().readTree(output.stream().filter(line -> line.startsWith("{"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON line in " + output)));
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("courseCount").asInt()).as("the sample and the institution's course").isEqualTo(2);
        JsonNode institution = report.get("institution");
        assertThat(institution.get("files").get(0).asText()).isEqualTo(file.toString());
        assertThat(institution.get("problems").get(0).asText()).isEqualTo(problem);
        assertThat(institution.get("locked").get(0).asText()).isEqualTo("language");
        assertThat(institution.get("settings").get("language").asText()).as("the lock over the learner's English")
                .isEqualTo("de");
        assertThat(institution.get("settings").get("theme").asText()).as("the learner's own").isEqualTo("dark");
        assertThat(institution.get("coursesFailed")).isEmpty();
    }

    @Test
    void theFileBesideAJpackageImageIsRead() throws Exception {
        Path image = temp.resolve("image");
        Files.createDirectories(image.resolve("bin"));
        Path beside = Files.writeString(image.resolve("institution.properties"), "theme = dark\n");

        List<String> output = run(List.of("-Djpackage.app-path=" + image.resolve("bin").resolve("sevenp")),
                "--self-check", "--data-dir", temp.resolve("data").toString());

        JsonNode report = JsonMapperFactory.create().readTree(output.stream().filter(line -> line.startsWith("{"))
                .findFirst().orElseThrow());
        assertThat(report.get("institution").get("files").toString()).contains(beside.toString());
        assertThat(report.get("institution").get("settings").get("theme").asText()).isEqualTo("dark");
    }

    private static List<String> run(List<String> jvmOptions, String... arguments) throws Exception {
        List<String> lines = new ArrayList<>();
        try (ChildJvm player = ChildJvm.start(jvmOptions, Launcher.class, arguments)) {
            for (Optional<String> line = player.nextLine(Duration.ofSeconds(60)); line.isPresent();
                    line = player.nextLine(Duration.ofSeconds(60))) {
                lines.add(line.get());
            }
            assertThat(player.process().waitFor()).as("exit code; output: %s", lines).isZero();
        }
        return lines;
    }
}
