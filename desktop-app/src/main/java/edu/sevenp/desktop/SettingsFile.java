package edu.sevenp.desktop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsStore;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner's settings in {@code settings.json} in the profile's folder, beside {@code window.json}. A file rather
 * than the profile's {@code settings} table (where the reading positions are), for the reason the window's placement
 * is one: the language and theme apply before the first window shows, and that is before the database has opened.
 * A damaged file, or a value this version does not know, is logged and the default taken instead.
 */
final class SettingsFile implements SettingsStore {

    static final String NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final Path file;
    private final Settings defaults;

    /** @param system the computer's locale: its language is the default one */
    SettingsFile(Path file, Locale system) {
        this(file, Settings.defaults(Objects.requireNonNull(system, "system")));
    }

    /** @param defaults what a setting missing from the file is (the built-in defaults, or an institution's) */
    SettingsFile(Path file, Settings defaults) {
        this.file = Objects.requireNonNull(file, "file");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    static SettingsFile of(DesktopPaths paths, Locale system) {
        return new SettingsFile(paths.profileDirectory().resolve(NAME), system);
    }

    static SettingsFile of(DesktopPaths paths, Settings defaults) {
        return new SettingsFile(paths.profileDirectory().resolve(NAME), defaults);
    }

    /** The file's form: names that read well in the file, each optional. */
    record Stored(String theme, Integer textSize, String language, String server) {
    }

    @Override
    public Optional<Settings> load() {
        Stored stored;
        try {
            stored = JSON.readValue(Files.readString(file), Stored.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring the damaged settings in {}: {}", file, e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read the settings in {}; using the defaults", file, e);
            return Optional.empty();
        }
        return Optional.of(new Settings(
                known(Theme.class, stored.theme(), defaults.theme()),
                stored.textSize() == null ? defaults.textSize() : stored.textSize(),
                languageOf(stored.language(), defaults.language()),
                stored.server() == null ? defaults.server() : stored.server()));
    }

    /** The settings saved, or the defaults for the computer's language. */
    Settings loadOrDefaults() {
        return load().orElse(defaults);
    }

    /** Writes a temporary file and moves it over the old one, so a crash leaves the old settings or the new. */
    @Override
    public void save(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Stored stored = new Stored(settings.theme().name().toLowerCase(Locale.ROOT), settings.textSize(),
                settings.language().tag(), settings.server());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(NAME + ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stored));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the settings in " + file, e);
        }
    }

    private <E extends Enum<E>> E known(Class<E> type, String name, E fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the unknown {} '{}' in {}", type.getSimpleName(), name, file);
            return fallback;
        }
    }

    private Language languageOf(String tag, Language fallback) {
        if (tag == null) {
            return fallback;
        }
        for (Language language : Language.values()) {
            if (language.tag().equals(tag)) {
                return language;
            }
        }
        LOG.warn("Ignoring the unknown language '{}' in {}", tag, file);
        return fallback;
    }
}
