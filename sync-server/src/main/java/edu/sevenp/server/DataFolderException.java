package edu.sevenp.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The data folder cannot be used: another server runs on it, or it cannot be created, read or written. */
public final class DataFolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private DataFolderException(String message, Throwable cause) {
        super(message, cause);
    }

    static DataFolderException inUse(Path folder, OptionalLong pid) {
        String owner = pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown";
        return new DataFolderException("the data folder " + folder + " is in use by another 7P server (" + owner
                + "); stop it or choose another --data-dir", null);
    }

    static DataFolderException unusable(Path folder, IOException cause) {
        return new DataFolderException("cannot use the data folder " + folder + " (" + FileProblems.reason(cause)
                + "); make sure this user may create and write it, or choose another --data-dir", cause);
    }

    /** A file in the data folder that the server cannot use as it is (its own message says what to do). */
    static DataFolderException badFile(String message, Throwable cause) {
        return new DataFolderException(message, cause);
    }
}
