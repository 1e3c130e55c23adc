package edu.sevenp.server.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Recorded durations of one kind of request, thread-safe; percentiles by rank. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    double percentileMillis(double percentile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return sorted.get(index) / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests)", percentileMillis(50),
                percentileMillis(95), percentileMillis(99), count());
    }
}
