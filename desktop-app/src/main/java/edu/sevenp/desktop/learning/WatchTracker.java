package edu.sevenp.desktop.learning;

import java.util.Objects;

/**
 * Turns what a media player reports into intervals watched. While the video plays, each time reported extends
 * the interval being watched; a seek ends it and the next one starts where the seek landed. A jump the player
 * reports on its own (a time further than {@link #MAX_STEP_SECONDS} from the last, or backwards) starts a new
 * interval too, so that a late report from before a seek never bridges the part that was skipped. Not thread-safe:
 * feed it from one thread (the UI's).
 */
public final class WatchTracker {

    /**
     * The furthest one report may move on from the last and still count as playback. Players report several times
     * a second; at 2× speed that is well under a second of media.
     */
    public static final double MAX_STEP_SECONDS = 3;

    private WatchedIntervals watched;
    /** The time last reported or sought to; NaN before the first. */
    private double last = Double.NaN;

    public WatchTracker(WatchedIntervals already) {
        this.watched = Objects.requireNonNull(already, "already");
    }

    /** The player, playing, is at {@code seconds}. */
    public void playedTo(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return;
        }
        if (!Double.isNaN(last) && seconds >= last && seconds - last <= MAX_STEP_SECONDS) {
            watched = watched.with(last, seconds);
        }
        last = seconds;
    }

    /** The learner moved the player to {@code seconds} (keys, slider, a note's time): nothing between counts. */
    public void soughtTo(double seconds) {
        last = Double.isNaN(seconds) || seconds < 0 ? Double.NaN : seconds;
    }

    /** The video played to its end, {@code duration} seconds: the last stretch counts up to the end. */
    public void reachedEnd(double duration) {
        playedTo(duration);
        last = Double.NaN;
    }

    /** The video stopped or paused: the next report starts a new interval only if it moved on in between. */
    public void paused(double seconds) {
        playedTo(seconds);
    }

    public WatchedIntervals watched() {
        return watched;
    }
}
