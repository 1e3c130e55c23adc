package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aSecondServerOnTheFolderIsToldWhoHoldsIt() {
        try (DataFolderLock first = DataFolderLock.acquire(dataDirectory)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(dataDirectory))
                    .isInstanceOf(DataFolderException.class)
                    .hasMessage("the data folder " + dataDirectory + " is in use by another 7P server (pid "
                            + ProcessHandle.current().pid() + "); stop it or choose another --data-dir");
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheLockIsClosed() {
        DataFolderLock first = DataFolderLock.acquire(dataDirectory);
        first.close();

        try (DataFolderLock second = DataFolderLock.acquire(dataDirectory)) {
            assertThat(second.isHeld()).isTrue();
        }
        assertThat(first.isHeld()).isFalse();
    }

    @Test
    void theLockFileHoldsTheOwnersPid() throws Exception {
        Files.writeString(dataDirectory.resolve(DataFolderLock.FILE_NAME), "999999999999\nleft over by an older server\n");

        try (DataFolderLock lock = DataFolderLock.acquire(dataDirectory)) {
            assertThat(dataDirectory.resolve(DataFolderLock.FILE_NAME)).content()
                    .isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void makesAMissingFolder() {
        Path folder = dataDirectory.resolve("new").resolve("sevenp-server");

        try (DataFolderLock lock = DataFolderLock.acquire(folder)) {
            assertThat(folder).isDirectory();
        }
    }

    @Test
    void aFileInPlaceOfTheFolderIsNamed() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> DataFolderLock.acquire(file))
                .isInstanceOf(DataFolderException.class)
                .hasMessage("cannot use the data folder " + file + " (not a folder: " + file
                        + "); make sure this user may create and write it, or choose another --data-dir");
    }
}
