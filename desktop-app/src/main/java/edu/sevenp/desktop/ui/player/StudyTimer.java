package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.learning.ProgressService;
import edu.sevenp.model.LessonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Times the lesson on screen and hands out the time spent since the last report, as deltas. Only whole
 * seconds are handed out; the fraction stays on the clock for the next report, so frequent reports do
 * not lose time. Used on the UI thread only.
 */
final class StudyTimer {

    private final Clock clock;
    private LessonId lesson;
    private Instant since;

    StudyTimer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts timing {@code next}; returns the time not yet reported on the lesson shown before, if any. */
    Optional<TimeSpent> switchTo(LessonId next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(lesson)) {
            return Optional.empty();
        }
        Optional<TimeSpent> previous = stop();
        lesson = next;
        since = clock.instant();
        return previous;
    }

    /** The time on the current lesson since the last report (empty below a second); keeps timing. */
    Optional<TimeSpent> lap() {
        if (lesson == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        if (seconds == 0) {
            return Optional.empty();
        }
        since = since.plusSeconds(seconds);
        // A report may add at most a day (the service refuses more); longer means the machine slept.
        int capped = (int) Math.min(seconds, ProgressService.MAX_SECONDS_PER_REPORT);
        return Optional.of(new TimeSpent(lesson, capped));
    }

    /** Stops timing; returns the time not yet reported, if any. */
    Optional<TimeSpent> stop() {
        Optional<TimeSpent> rest = lap();
        lesson = null;
        since = null;
        return rest;
    }

    /** The lesson being timed, if any. */
    Optional<LessonId> lesson() {
        return Optional.ofNullable(lesson);
    }
}
