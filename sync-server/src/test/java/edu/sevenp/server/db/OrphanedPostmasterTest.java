package edu.sevenp.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Only a postgres working in the cluster's own folder is ever stopped; the real orphan is RestartAfterKillIT's. */
class OrphanedPostmasterTest {

    @TempDir
    Path cluster;

    private final Duration wait = Duration.ofSeconds(5);

    @Test
    void aPidNowUsedByAnotherProgramMakesTheLockFileStaleAndLeavesTheProgramAlone() throws Exception {
        Path pidFile = writePidFile(ProcessHandle.current().pid()); // this JVM: alive, and no postgres

        new OrphanedPostmaster(cluster, wait, wait).stopIfRunning();

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // runs "true"
    void aPidOfADeadProcessIsLeftToPostgreSqlItself() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path pidFile = writePidFile(gone.pid());

        new OrphanedPostmaster(cluster, wait, wait).stopIfRunning();

        assertThat(pidFile).exists();
    }

    @Test
    void noLockFileIsNothingToDo() {
        new OrphanedPostmaster(cluster, wait, wait).stopIfRunning();

        assertThat(cluster.resolve(OrphanedPostmaster.PID_FILE)).doesNotExist();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // runs "sleep"
    void anotherProcessIsNeverTakenForThisClustersPostmaster() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(new OrphanedPostmaster(cluster, wait, wait).identify(sleeper.toHandle()))
                    .isEqualTo(OrphanedPostmaster.Identity.SOMETHING_ELSE);
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path writePidFile(long pid) throws Exception {
        // The first two lines of PostgreSQL's own file: the postmaster's pid and its data directory.
        return Files.writeString(cluster.resolve(OrphanedPostmaster.PID_FILE), pid + "\n" + cluster + "\n");
    }
}
