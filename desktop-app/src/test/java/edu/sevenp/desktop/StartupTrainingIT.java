package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code --startup-training}, which the installer's build runs to list the classes a window start loads: a real window
 * start on the default profile that closes by itself once the first lesson's page has loaded, and exits 0.
 */
class StartupTrainingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @Test
    void closesTheWindowByItselfOnceTheFirstLessonPageHasLoaded() throws Exception {
        List<String> options = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        try (ChildJvm child = ChildJvm.start(options, Launcher.class, "--startup-training", "--data-dir",
                data.toString())) {
            List<String> output = new ArrayList<>();
            for (Optional<String> line = child.nextLine(WAIT); line.isPresent(); line = child.nextLine(WAIT)) {
                output.add(line.get());
            }
            assertThat(child.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the player ended").isTrue();

            assertThat(child.process().exitValue()).as("exit code; its output: %s", output).isZero();
            Path log = data.resolve("logs").resolve("player.log");
            assertThat(log).as("the window's log, in the data folder as for any window start").exists();
            assertThat(Files.readString(log)).contains("First lesson page loaded",
                    "Startup training: first lesson page loaded");
            assertThat(data.resolve("profiles").resolve("default")).isDirectory();
        }
    }
}
