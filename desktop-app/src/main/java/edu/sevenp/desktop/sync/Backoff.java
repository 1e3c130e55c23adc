package edu.sevenp.desktop.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt after failures in a row: doubling from {@code first} up to
 * {@code max}, each wait drawn between half and all of that ("equal jitter"), so that many devices that
 * lost the same server do not all come back at the same moment.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, was " + first + " and " + max);
        }
    }

    /** The wait after one more failure; at least {@code serverAsked} when the server named a time. */
    public synchronized Duration afterFailure(Duration serverAsked) {
        failures++;
        long ceiling = ceilingMillis();
        long wait = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        Duration drawn = Duration.ofMillis(wait);
        return serverAsked != null && serverAsked.compareTo(drawn) > 0 ? serverAsked : drawn;
    }

    public synchronized void succeeded() {
        failures = 0;
    }

    public synchronized int failuresInARow() {
        return failures;
    }

    private long ceilingMillis() {
        // Doubling stops long before overflow: 2^20 times the first wait is past any sensible maximum.
        long ceiling = first.toMillis() << Math.min(failures - 1, 20);
        return Math.min(ceiling, max.toMillis());
    }
}
