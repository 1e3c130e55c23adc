package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void aBadSettingExitsWithTwoAndPointsToTheConfigurationSection() {
        StartupFailure failure = StartupFailure.configuration(new IllegalArgumentException("--port must be a port number,"
                + " was 'eighty'"));

        assertThat(failure).isEqualTo(new StartupFailure(2, "--port must be a port number, was 'eighty'"
                + " (docs/operations.md, \"Configuration\")"));
    }

    @Test
    void aDataFolderInUseExitsWithFiveNamingTheOtherServer() {
        StartupFailure failure = StartupFailure.of(DataFolderException.inUse(Path.of("/srv/sevenp"), OptionalLong.of(4711)));

        assertThat(failure.exitCode()).isEqualTo(5);
        assertThat(failure.line()).isEqualTo("7P sync server: the data folder /srv/sevenp is in use by another 7P server"
                + " (pid 4711); stop it or choose another --data-dir");
    }

    @Test
    void anUnusableDataFolderSaysWhy() {
        IOException denied = new AccessDeniedException("/srv/sevenp/server.lock");

        assertThat(StartupFailure.of(DataFolderException.unusable(Path.of("/srv/sevenp"), denied)).line())
                .isEqualTo("7P sync server: cannot use the data folder /srv/sevenp (permission denied:"
                        + " /srv/sevenp/server.lock); make sure this user may create and write it, or choose another --data-dir");
    }

    @Test
    void anythingUnforeseenExitsWithOneAndSaysHowToSeeTheStackTrace() {
        StartupFailure failure = StartupFailure.of(new IllegalStateException("boom"));

        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.line()).isEqualTo("7P sync server: start-up failed: IllegalStateException: boom; for its stack"
                + " trace start again with java -Dorg.slf4j.simpleLogger.log.edu.sevenp.server.ServerMain=debug -jar …");
    }

    @Test
    void aMessageOfSeveralLinesIsPrintedAsOne() {
        StartupFailure failure = new StartupFailure(3, "Validate failed:\n  Detected applied migration not resolved"
                + " locally: 19\r\n\nrun repair\n");

        assertThat(failure.line()).isEqualTo("7P sync server: Validate failed: Detected applied migration not resolved"
                + " locally: 19 run repair");
    }
}
