package edu.sevenp.desktop.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Captions of a lesson's video in one language, as this device has them.
 *
 * @param label what the player calls the track ("English"); the language code when the course gave none
 * @param file the verified WebVTT file, empty while this device does not hold it (yet)
 */
public record CaptionTrack(String language, String label, Optional<Path> file) {

    public CaptionTrack {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
    }
}
