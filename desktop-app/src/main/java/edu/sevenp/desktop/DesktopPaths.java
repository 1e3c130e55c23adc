package edu.sevenp.desktop;

import edu.sevenp.desktop.profiles.ProfileNames;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a profile's data lives: {@code <data folder>/profiles/<profile>/}. Each profile has a
 * database of its own, so learners sharing a computer do not see each other's work.
 */
public record DesktopPaths(Path dataDirectory, String profile) {

    public static final String DEFAULT_PROFILE = "default";

    public DesktopPaths {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(profile, "profile");
        if (!ProfileNames.valid(profile)) {
            throw new IllegalArgumentException("a profile name is 1 to 40 lower-case letters, digits, - or _, starting with"
                    + " a letter or digit; was '" + profile + "'");
        }
    }

    /** The same data folder, on profile {@code name}. */
    public DesktopPaths withProfile(String name) {
        return new DesktopPaths(dataDirectory, name);
    }

    public Path profileDirectory() {
        return dataDirectory.resolve("profiles").resolve(profile);
    }

    /** The log of the whole data folder (every profile's window writes to it); error messages offer to open it. */
    public Path logFile() {
        return ProblemLog.fileIn(dataDirectory);
    }
}
