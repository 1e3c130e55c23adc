package edu.sevenp.model.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where an application keeps its data for the current user, following each OS's convention:
 * Linux {@code $XDG_DATA_HOME/<app>} or {@code ~/.local/share/<app>}, Windows {@code %APPDATA%\<app>},
 * macOS {@code ~/Library/Application Support/<app>}. The environment and system facts are passed in,
 * so that the rule is testable for every OS on any OS.
 */
public final class UserDataDirectory {

    private UserDataDirectory() {
    }

    /** Resolves the folder for {@code application} on the running system. */
    public static Path forApplication(String application) {
        return resolve(application, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public static Path resolve(String application, Map<String, String> environment, String osName, String userHome) {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(environment, "environment");
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = isSet(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve(application);
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", application);
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (isSet(xdgDataHome) && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, application);
        }
        return Path.of(userHome, ".local", "share", application);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
