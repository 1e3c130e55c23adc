package edu.sevenp.desktop.sync.media;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room the disk holding a folder has left; tests give a fixed answer. */
@FunctionalInterface
interface DiskSpace {

    /**
     * @param usableBytes what this process may still write there
     * @param volume the disk, in words a learner recognises ({@code /home (/dev/sda2)}, {@code Windows (C:)})
     */
    record Free(long usableBytes, String volume) {
    }

    Free of(Path existingFolder) throws IOException;

    /** The file store's own figure: space the user may use, not space reserved for the system. */
    static DiskSpace system() {
        return folder -> {
            FileStore store = Files.getFileStore(folder);
            return new Free(store.getUsableSpace(), store.toString());
        };
    }
}
