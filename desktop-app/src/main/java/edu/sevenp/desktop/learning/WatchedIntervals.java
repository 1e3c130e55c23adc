package edu.sevenp.desktop.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parts of a video the learner has actually watched, as merged intervals of media time in seconds. A video
 * lesson completes when these cover {@link #COMPLETION_SHARE} of it: seeking past a part adds nothing, and
 * watching a part twice counts it once. Immutable.
 */
public final class WatchedIntervals {

    /** The share of a video that must have been watched for its lesson to complete. */
    public static final double COMPLETION_SHARE = 0.9;

    private static final WatchedIntervals NONE = new WatchedIntervals(List.of());

    /** Sorted by start, none overlapping or touching another. */
    private final List<Interval> intervals;

    private WatchedIntervals(List<Interval> intervals) {
        this.intervals = intervals;
    }

    public static WatchedIntervals none() {
        return NONE;
    }

    /** The intervals given, merged; an empty or backward interval adds nothing. */
    public static WatchedIntervals of(List<Interval> intervals) {
        WatchedIntervals watched = NONE;
        for (Interval interval : intervals) {
            watched = watched.with(interval.start(), interval.end());
        }
        return watched;
    }

    /** These intervals and {@code [from, to]}, merged with every interval it overlaps or touches. */
    public WatchedIntervals with(double from, double to) {
        if (!(to > from) || Double.isNaN(from) || from < 0 || Double.isInfinite(to)) {
            return this;
        }
        List<Interval> merged = new ArrayList<>(intervals.size() + 1);
        double start = from;
        double end = to;
        int i = 0;
        while (i < intervals.size() && intervals.get(i).end() < start) {
            merged.add(intervals.get(i++));
        }
        while (i < intervals.size() && intervals.get(i).start() <= end) {
            start = Math.min(start, intervals.get(i).start());
            end = Math.max(end, intervals.get(i).end());
            i++;
        }
        merged.add(new Interval(start, end));
        while (i < intervals.size()) {
            merged.add(intervals.get(i++));
        }
        return new WatchedIntervals(Collections.unmodifiableList(merged));
    }

    public List<Interval> intervals() {
        return intervals;
    }

    /** Seconds of {@code [0, duration]} watched. */
    public double watchedSeconds(double duration) {
        double total = 0;
        for (Interval interval : intervals) {
            total += Math.max(0, Math.min(interval.end(), duration) - Math.max(interval.start(), 0));
        }
        return total;
    }

    /** The share of a video of {@code duration} seconds that was watched, 0 to 1 (0 for an unknown length). */
    public double share(double duration) {
        if (!(duration > 0) || Double.isInfinite(duration)) {
            return 0;
        }
        return Math.min(1, watchedSeconds(duration) / duration);
    }

    /** Whether enough of a video of {@code duration} seconds was watched for its lesson to complete. */
    public boolean completes(double duration) {
        return share(duration) >= COMPLETION_SHARE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchedIntervals watched && watched.intervals.equals(intervals);
    }

    @Override
    public int hashCode() {
        return intervals.hashCode();
    }

    @Override
    public String toString() {
        return intervals.toString();
    }

    /** Seconds {@code start} to {@code end} of a video. */
    public record Interval(double start, double end) {
        public Interval {
            if (!(end >= start)) {
                throw new IllegalArgumentException("an interval ends at or after its start, was " + start + " to " + end);
            }
        }

        @Override
        public String toString() {
            return "[" + start + ", " + end + "]";
        }
    }
}
