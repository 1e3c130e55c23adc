package edu.sevenp.desktop.sync.faults;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Which fault each exchange of each connection gets, as a pure function of the seed, the connection's number and the
 * exchange's number (see {@link Fault}).
 *
 * <p>The same seed gives the same decision for exchange e of connection n, whatever happened before and however the
 * threads were scheduled. A replay therefore repeats the decisions, exchange by exchange, as long as the client opens
 * connections and sends requests in the same order; it does not repeat thread timing, so what a client had sent when a
 * fault struck can still differ.
 *
 * @param seed           replay a run with {@code -Dfaults.seed=<seed>}
 * @param rates          the probability of each fault
 * @param maxFaults      after this many faults decided, every exchange passes, so a run with retries always ends
 * @param maxDelayMillis a delay lasts from 1 to this many milliseconds
 * @param maxCutBytes    a fault acts after 0 to this many bytes: enough to land in headers or in a body
 */
public record FaultPlan(long seed, FaultRates rates, int maxFaults, int maxDelayMillis, int maxCutBytes) {

    public static final int DEFAULT_MAX_FAULTS = 20;
    public static final int DEFAULT_MAX_DELAY_MILLIS = 300;
    public static final int DEFAULT_MAX_CUT_BYTES = 2_000;

    public FaultPlan {
        Objects.requireNonNull(rates, "rates");
        if (maxFaults < 0 || maxDelayMillis < 1 || maxCutBytes < 0) {
            throw new IllegalArgumentException("maxFaults from 0, maxDelayMillis from 1, maxCutBytes from 0: "
                    + maxFaults + ", " + maxDelayMillis + ", " + maxCutBytes);
        }
    }

    /** The default rates (10% of each fault) and bounds. */
    public static FaultPlan of(long seed) {
        return of(seed, FaultRates.defaults());
    }

    public static FaultPlan of(long seed, FaultRates rates) {
        return new FaultPlan(seed, rates, DEFAULT_MAX_FAULTS, DEFAULT_MAX_DELAY_MILLIS, DEFAULT_MAX_CUT_BYTES);
    }

    public FaultPlan withMaxFaults(int max) {
        return new FaultPlan(seed, rates, max, maxDelayMillis, maxCutBytes);
    }

    public FaultPlan withMaxDelayMillis(int max) {
        return new FaultPlan(seed, rates, maxFaults, max, maxCutBytes);
    }

    public FaultPlan withMaxCutBytes(int max) {
        return new FaultPlan(seed, rates, maxFaults, maxDelayMillis, max);
    }

    /** The fault of one exchange of one connection, before the proxy's budget and switch are applied. */
    public Fault faultFor(long connection, int exchange) {
        // One generator per exchange, so that a decision never depends on how many values earlier ones drew. The
        // numbers are mixed in: SplittableRandom's streams for seeds a fixed step apart are shifted copies.
        SplittableRandom random = new SplittableRandom(mix(mix(mix(seed) + connection) + exchange));
        FaultKind kind = rates.pick(random.nextDouble());
        Fault.Direction direction = switch (kind) {
            case CUT_REQUEST -> Fault.Direction.TO_SERVER;
            case CUT_RESPONSE -> Fault.Direction.TO_CLIENT;
            default -> random.nextBoolean() ? Fault.Direction.TO_SERVER : Fault.Direction.TO_CLIENT;
        };
        long atByte = random.nextInt(maxCutBytes + 1);
        int delayMillis = random.nextInt(maxDelayMillis) + 1;
        return switch (kind) {
            case PASS -> Fault.pass(connection, exchange);
            case DROP -> Fault.drop(connection, exchange);
            case DELAY -> new Fault(connection, exchange, kind, direction, atByte, delayMillis);
            case CUT_REQUEST, CUT_RESPONSE, RESET -> new Fault(connection, exchange, kind, direction, atByte, 0);
        };
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
