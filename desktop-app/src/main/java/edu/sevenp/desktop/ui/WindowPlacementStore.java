package edu.sevenp.desktop.ui;

import java.util.Optional;

/** Keeps the window's placement for the profile between runs (a small file beside the profile's database). */
public interface WindowPlacementStore {

    /** Remembers nothing: windows open at the default place. */
    WindowPlacementStore NONE = new WindowPlacementStore() {
        @Override
        public Optional<WindowPlacement> load() {
            return Optional.empty();
        }

        @Override
        public void save(WindowPlacement placement) {
        }
    };

    /** The placement saved last, if any; called before the window shows, off the JavaFX thread. */
    Optional<WindowPlacement> load();

    /** Called when the window closes, on a background thread. */
    void save(WindowPlacement placement);
}
