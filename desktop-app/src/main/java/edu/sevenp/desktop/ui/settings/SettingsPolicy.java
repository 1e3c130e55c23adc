package edu.sevenp.desktop.ui.settings;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the learner's own settings meet an institution's (docs/institution-config.md, "Precedence"): the built-in
 * defaults, overridden by the institution's files, make {@code defaults}; the learner's saved settings override those;
 * and a {@code locked} setting always takes its value from {@code defaults}, whatever the learner saved. What the
 * learner chose for a locked setting is kept in their file untouched, so that it applies again once the lock goes.
 *
 * @param defaults a new profile's settings: built-in, then the institution's values
 * @param locked the settings the learner may not change
 */
public record SettingsPolicy(Settings defaults, Set<SettingKey> locked) {

    public SettingsPolicy {
        Objects.requireNonNull(defaults, "defaults");
        locked = locked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(locked));
    }

    /** No institution: the built-in defaults for the computer's language, nothing locked. */
    public static SettingsPolicy builtIn(Locale system) {
        return new SettingsPolicy(Settings.defaults(system), Set.of());
    }

    public boolean isLocked(SettingKey key) {
        return locked.contains(key);
    }

    /** The settings in force: the learner's saved ones (or the defaults), with every locked one the institution's. */
    public Settings effective(Optional<Settings> saved) {
        return withLocked(saved.orElse(defaults), defaults);
    }

    /**
     * What to save when the learner changed {@code shown}: their changes to the free settings, and for each locked one
     * what they had saved before (or the default), never the institution's value.
     */
    public Settings toSave(Settings shown, Optional<Settings> savedBefore) {
        return withLocked(shown, savedBefore.orElse(defaults));
    }

    private Settings withLocked(Settings settings, Settings source) {
        Settings result = settings;
        if (isLocked(SettingKey.SERVER_URL)) {
            result = result.withServer(source.server());
        }
        if (isLocked(SettingKey.LANGUAGE)) {
            result = result.withLanguage(source.language());
        }
        if (isLocked(SettingKey.THEME)) {
            result = result.withTheme(source.theme());
        }
        if (isLocked(SettingKey.TEXT_SIZE)) {
            result = result.withTextSize(source.textSize());
        }
        return result;
    }
}
