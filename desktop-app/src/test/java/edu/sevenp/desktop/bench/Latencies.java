package edu.sevenp.desktop.bench;

import java.util.Arrays;

/** Recorded durations of one operation, in nanoseconds, and their percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long durationNanos) {
        nanos[count++] = durationNanos;
    }

    /** The {@code percentile} (0-100) by the nearest-rank method, in milliseconds. */
    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    int count() {
        return count;
    }
}
