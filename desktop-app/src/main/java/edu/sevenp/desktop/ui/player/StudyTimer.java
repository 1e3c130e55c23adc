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
 * seconds are handed out; the fraction stays for the next report, so frequent reports do not lose time.
 * While paused (the window hidden, or the learner away) no time is counted; a pause outlasts lesson
 * switches. Used on the UI thread only.
 */
final class StudyTimer {

    private final Clock clock;
    private LessonId lesson;
    /** Time counted on the lesson and not yet handed out. */
    private Duration counted = Duration.ZERO;
    /** Since when time is being counted; null while paused or without a lesson. */
    private Instant runningSince;
    private boolean paused;

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
        runningSince = paused ? null : clock.instant();
        return previous;
    }

    /** The time on the current lesson since the last report (empty below a second); keeps timing. */
    Optional<TimeSpent> lap() {
        if (lesson == null) {
            return Optional.empty();
        }
        countUntil(clock.instant());
        long seconds = counted.getSeconds();
        if (seconds == 0) {
            return Optional.empty();
        }
        counted = counted.minusSeconds(seconds);
        // A report may add at most a day (the service refuses more); longer means the machine slept.
        int capped = (int) Math.min(seconds, ProgressService.MAX_SECONDS_PER_REPORT);
        return Optional.of(new TimeSpent(lesson, capped));
    }

    /** Stops counting time as of {@code since} (now or earlier: when the learner went idle) until {@link #resume()}. */
    void pause(Instant since) {
        Objects.requireNonNull(since, "since");
        if (paused) {
            return;
        }
        paused = true;
        Instant now = clock.instant();
        countUntil(since.isBefore(now) ? since : now);
        runningSince = null;
    }

    /** Counts time again from now. */
    void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        runningSince = lesson == null ? null : clock.instant();
    }

    boolean isPaused() {
        return paused;
    }

    /** Stops timing; returns the time not yet reported, if any. */
    Optional<TimeSpent> stop() {
        Optional<TimeSpent> rest = lap();
        lesson = null;
        counted = Duration.ZERO;
        runningSince = null;
        return rest;
    }

    /** The lesson being timed, if any. */
    Optional<LessonId> lesson() {
        return Optional.ofNullable(lesson);
    }

    private void countUntil(Instant until) {
        // A clock set back counts nothing until it passes the last reading again.
        if (runningSince != null && until.isAfter(runningSince)) {
            counted = counted.plus(Duration.between(runningSince, until));
            runningSince = until;
        }
    }
}
