package edu.sevenp.desktop;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a profile's data lives: {@code <data folder>/profiles/<profile>/}. Each profile has a
 * database of its own, so learners sharing a computer do not see each other's work.
 */
public record DesktopPaths(Path dataDirectory, String profile) {

    public static final String DEFAULT_PROFILE = "default";
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public DesktopPaths {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(profile, "profile");
        if (!PROFILE_NAME.matcher(profile).matches()) {
            throw new IllegalArgumentException("a profile name is 1 to 40 lower-case letters, digits, - or _, starting with"
                    + " a letter or digit; was '" + profile + "'");
        }
    }

    public Path profileDirectory() {
        return dataDirectory.resolve("profiles").resolve(profile);
    }

    public Path logFile() {
        return dataDirectory.resolve("logs").resolve("player.log");
    }
}
