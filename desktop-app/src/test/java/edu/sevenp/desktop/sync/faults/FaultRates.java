package edu.sevenp.desktop.sync.faults;

/**
 * The probability of each fault for one connection; what is left over passes untouched.
 *
 * @param drop        close at accept
 * @param delay       pause once, up to the plan's maximum delay
 * @param cutRequest  forward only the first bytes of the request
 * @param cutResponse forward the request, then only the first bytes of the response
 * @param reset       abort with a TCP reset
 */
public record FaultRates(double drop, double delay, double cutRequest, double cutResponse, double reset) {

    /** Rounding slack, so that rates such as five times 0.2 are accepted. */
    private static final double SLACK = 1e-9;

    public FaultRates {
        for (double rate : new double[] {drop, delay, cutRequest, cutResponse, reset}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a fault rate is a probability between 0 and 1: " + rate);
            }
        }
        if (drop + delay + cutRequest + cutResponse + reset > 1 + SLACK) {
            throw new IllegalArgumentException("the fault rates add up to more than 1");
        }
    }

    /** 10% of each fault, so half of the connections pass. */
    public static FaultRates defaults() {
        return new FaultRates(0.1, 0.1, 0.1, 0.1, 0.1);
    }

    /** No faults: every connection passes. */
    public static FaultRates none() {
        return new FaultRates(0, 0, 0, 0, 0);
    }

    /** Every connection gets this fault ({@code PASS}: none). */
    public static FaultRates only(FaultKind kind) {
        return switch (kind) {
            case PASS -> none();
            case DROP -> new FaultRates(1, 0, 0, 0, 0);
            case DELAY -> new FaultRates(0, 1, 0, 0, 0);
            case CUT_REQUEST -> new FaultRates(0, 0, 1, 0, 0);
            case CUT_RESPONSE -> new FaultRates(0, 0, 0, 1, 0);
            case RESET -> new FaultRates(0, 0, 0, 0, 1);
        };
    }

    /** The kind a uniform roll in [0, 1) falls on, laying the rates end to end. */
    FaultKind pick(double roll) {
        double upTo = drop;
        if (roll < upTo) {
            return FaultKind.DROP;
        }
        upTo += delay;
        if (roll < upTo) {
            return FaultKind.DELAY;
        }
        upTo += cutRequest;
        if (roll < upTo) {
            return FaultKind.CUT_REQUEST;
        }
        upTo += cutResponse;
        if (roll < upTo) {
            return FaultKind.CUT_RESPONSE;
        }
        upTo += reset;
        return roll < upTo ? FaultKind.RESET : FaultKind.PASS;
    }
}
