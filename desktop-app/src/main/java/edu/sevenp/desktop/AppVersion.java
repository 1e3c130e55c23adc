package edu.sevenp.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The player's version, as the build wrote it into {@code app-version.properties} (Maven resource filtering
 * of {@code src/main/resources-filtered}); the server lists it with the learner's devices.
 */
final class AppVersion {

    private static final String RESOURCE = "app-version.properties";
    /** Classes compiled without the build (an IDE that skips filtering) have no version worth reporting. */
    private static final String UNKNOWN = "dev";

    private AppVersion() {
    }

    static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
