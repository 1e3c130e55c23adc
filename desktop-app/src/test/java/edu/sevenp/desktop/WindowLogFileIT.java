package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window writes its log into the data folder, where error messages offer to open it (issue 10, "Errors"): the
 * launcher points the logger there before anything makes a logger. A class with a static logger touched earlier (as
 * the log's path once was) would send every line to the console instead.
 */
class WindowLogFileIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @Test
    void theWindowLogsIntoTheDataFolderNotToTheConsole() throws Exception {
        Path log = data.resolve("logs").resolve("player.log");
        List<String> options = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        try (ChildJvm child = ChildJvm.start(options, Launcher.class, "--data-dir", data.toString(), "--profile",
                "learner")) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!shown(log) && child.process().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(shown(log)).as("the first lesson's line in %s (the player %s)", log,
                    child.process().isAlive() ? "still runs" : "ended").isTrue();
            child.process().destroy();
        }
    }

    private static boolean shown(Path log) throws java.io.IOException {
        return Files.exists(log) && Files.readString(log).contains("First lesson shown");
    }
}
