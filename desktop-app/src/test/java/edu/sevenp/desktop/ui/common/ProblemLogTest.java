package edu.sevenp.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLogTest {

    private final List<Path> opened = new ArrayList<>();

    @Test
    void theLogIsInTheDataFoldersLogsFolder() {
        assertThat(ProblemLog.inDataFolder(Path.of("/data"), opened::add).logFile()).contains(
                Path.of("/data/logs/player.log"));
    }

    @Test
    void openingHandsTheLogFileToTheOpener() {
        boolean done = ProblemLog.inDataFolder(Path.of("/data"), opened::add).open();

        assertThat(done).isTrue();
        assertThat(opened).containsExactly(Path.of("/data/logs/player.log"));
    }

    @Test
    void withoutADataFolderThereIsNothingToOpen() {
        ProblemLog log = ProblemLog.inDataFolder(null, opened::add);

        assertThat(log.open()).isFalse();
        assertThat(log.logFile()).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void anOpenerThatFailsIsReportedNotThrown() {
        ProblemLog log = ProblemLog.inDataFolder(Path.of("/data"), file -> {
            throw new IOException("xdg-open: not found");
        });

        assertThat(log.open()).isFalse();
    }
}
