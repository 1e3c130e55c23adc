package edu.sevenp.desktop.learning;

import edu.sevenp.model.LessonId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson's video, ready to play: its file on this device, its captions read, what the learner has watched of
 * it, and where to start.
 *
 * @param file empty while this device does not hold the video (it downloads with sync)
 * @param durationSeconds the length the course gives; 0 when it gives none (the player measures it)
 * @param startAt where to start playing, in seconds ({@link VideoResume})
 * @param completed whether the lesson is already completed
 */
public record VideoLesson(LessonId lesson, Optional<Path> file, double durationSeconds, List<VideoCaptions> captions,
        WatchedIntervals watched, int startAt, boolean completed) {

    public VideoLesson {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(file, "file");
        captions = List.copyOf(captions);
        Objects.requireNonNull(watched, "watched");
    }
}
