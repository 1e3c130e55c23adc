package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.SettingsRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the learner left off on this device: the lesson last shown, and how far down each text lesson they
 * had read. Kept in the profile's settings, which never sync: a reading place is a fraction of a page laid
 * out at this window's width, and means nothing on another device (progress's {@code lastPosition} holds
 * a video's seconds and is merged across devices, so it stays untouched by text lessons).
 */
public final class ResumeService {

    static final String LAST_LESSON = "player.last_lesson";
    static final String READING_PREFIX = "reading.position.";

    private final SettingsRepository settings;

    public ResumeService(SettingsRepository settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A lesson and its course. */
    public record LessonPlace(CourseId course, LessonId lesson) {
        public LessonPlace {
            Objects.requireNonNull(course, "course");
            Objects.requireNonNull(lesson, "lesson");
        }
    }

    /** The lesson last shown, if any (it may since have left the library). */
    public Optional<LessonPlace> lastLesson() {
        return settings.get(LAST_LESSON, StoredPlace.class)
                .map(stored -> new LessonPlace(new CourseId(stored.course()), new LessonId(stored.lesson())));
    }

    public void lessonShown(LessonPlace place) {
        Objects.requireNonNull(place, "place");
        settings.put(LAST_LESSON, new StoredPlace(place.course().value(), place.lesson().value()));
    }

    /** How far down {@code lesson} the learner had read, 0 (top) to 1 (end); 0 when never recorded. */
    public double readingPosition(LessonId lesson) {
        return settings.get(key(lesson), Double.class).orElse(0.0);
    }

    /**
     * Remembers how far down {@code lesson} the learner has read; the top forgets it (most lessons are
     * read from the top, so their settings stay empty).
     *
     * @param fraction 0 (top) to 1 (end)
     */
    public void rememberReadingPosition(LessonId lesson, double fraction) {
        Objects.requireNonNull(lesson, "lesson");
        new Checks().require(fraction >= 0 && fraction <= 1, "fraction",
                LearningException.WORDS.text("readingPosition", fraction)).orRefuse();
        if (fraction == 0) {
            settings.remove(key(lesson));
        } else {
            settings.put(key(lesson), fraction);
        }
    }

    private static String key(LessonId lesson) {
        return READING_PREFIX + Objects.requireNonNull(lesson, "lesson").value();
    }

    /** The stored form: plain UUIDs, so that the JSON does not depend on how ids serialise. */
    record StoredPlace(UUID course, UUID lesson) {
    }
}
