package edu.sevenp.desktop.ui.settings;

import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the settings screen works with: where settings are kept, those the player started with (its language is the
 * one in use until a restart), the appearance every window follows, and the data folder it shows.
 *
 * @param dataFolder the player's data folder (profiles, log); null when there is none to show
 * @param locked the settings the institution set for the learner (docs/institution-config.md): shown, not changed
 */
public record SettingsContext(SettingsStore store, Settings started, Appearance appearance, Path dataFolder,
        FolderOpener folders, Set<SettingKey> locked) {

    public SettingsContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(appearance, "appearance");
        Objects.requireNonNull(folders, "folders");
        locked = Set.copyOf(locked);
    }

    /** Nothing locked. */
    public SettingsContext(SettingsStore store, Settings started, Appearance appearance, Path dataFolder,
            FolderOpener folders) {
        this(store, started, appearance, dataFolder, folders, Set.of());
    }

    public boolean isLocked(SettingKey key) {
        return locked.contains(key);
    }

    /** The log in the data folder, opened with the same program as the folder (none without a data folder). */
    public ProblemLog problemLog() {
        return ProblemLog.inDataFolder(dataFolder, folders::open);
    }

    /** The settings {@code started} in memory, applied to a new appearance; no data folder. */
    public static SettingsContext inMemory(Settings started) {
        return new SettingsContext(SettingsStore.inMemory(), started,
                new Appearance(started.theme(), started.textSize()), null, folder -> {
                });
    }

    /** The defaults for the computer's language, in memory (tests, and windows built without a launcher). */
    public static SettingsContext inMemory() {
        return inMemory(Settings.defaults(Locale.getDefault()));
    }
}
