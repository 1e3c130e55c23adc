package edu.sevenp.desktop.ui.settings;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the learner's settings between runs (the launcher's: a file beside the profile's database). */
public interface SettingsStore {

    /** The settings saved last, if any; read before any window is built. */
    Optional<Settings> load();

    /** Called on a background thread whenever a setting changes. */
    void save(Settings settings);

    /** Settings kept in memory only (tests, and a window without a profile folder). */
    static SettingsStore inMemory() {
        AtomicReference<Settings> kept = new AtomicReference<>();
        return new SettingsStore() {
            @Override
            public Optional<Settings> load() {
                return Optional.ofNullable(kept.get());
            }

            @Override
            public void save(Settings settings) {
                kept.set(settings);
            }
        };
    }
}
