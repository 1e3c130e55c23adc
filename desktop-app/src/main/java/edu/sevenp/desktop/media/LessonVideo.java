package edu.sevenp.desktop.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson's video as this device has it.
 *
 * @param file the verified video file, empty while this device does not hold it (yet: it downloads with sync)
 * @param durationSeconds the length the course gives, or null when it gives none (the player then measures it)
 * @param captions its caption tracks in the course's order
 */
public record LessonVideo(Optional<Path> file, Integer durationSeconds, List<CaptionTrack> captions) {

    public LessonVideo {
        Objects.requireNonNull(file, "file");
        captions = List.copyOf(captions);
    }
}
