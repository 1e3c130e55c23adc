package edu.sevenp.server;

import edu.sevenp.server.db.DatabaseStartupException;
import edu.sevenp.server.http.CannotListenException;
import java.util.Objects;

/**
 * Why the server did not start: the one line an operator reads and the exit code a script or a service manager
 * reads (docs/operations.md, "Start-up failures"). Failures the server foresees carry their own advice; anything
 * else is named as it is, with the way to see its stack trace.
 */
record StartupFailure(int exitCode, String message) {

    static final int UNEXPECTED = 1;
    static final int CONFIGURATION = 2;
    static final int DATABASE = 3;
    static final int HTTP_PORT = 4;
    static final int DATA_FOLDER = 5;

    static final String PREFIX = "7P sync server: ";
    static final String DEBUG_OPTION = "-Dorg.slf4j.simpleLogger.log.edu.sevenp.server.ServerMain=debug";

    StartupFailure {
        Objects.requireNonNull(message, "message");
    }

    /** A setting of the command line, the environment or the configuration file is wrong. */
    static StartupFailure configuration(IllegalArgumentException e) {
        return new StartupFailure(CONFIGURATION, e.getMessage() + " (docs/operations.md, \"Configuration\")");
    }

    static StartupFailure of(Throwable e) {
        if (e instanceof DataFolderException) {
            return new StartupFailure(DATA_FOLDER, e.getMessage());
        }
        if (e instanceof DatabaseStartupException) {
            return new StartupFailure(DATABASE, e.getMessage());
        }
        if (e instanceof CannotListenException) {
            return new StartupFailure(HTTP_PORT, e.getMessage());
        }
        return new StartupFailure(UNEXPECTED, "start-up failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "; for its stack trace start again with java "
                + DEBUG_OPTION + " -jar …");
    }

    /** The line for standard error: always exactly one line, whatever the message held. */
    String line() {
        return PREFIX + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
