package edu.sevenp.server.auth;

import java.time.Duration;

/**
 * How failed sign-ins slow down further attempts: from the {@code threshold}-th failure within
 * {@code window}, each attempt waits 1, 2, 4, ... seconds, at most {@code maxDelay}
 * (docs/sync-protocol.md, section 4).
 */
public record ThrottleRule(int threshold, Duration window, Duration maxDelay) {

    /** Per client address: guessing many accounts from one place. */
    public static final ThrottleRule PER_ADDRESS = new ThrottleRule(10, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /**
     * Per account, from devices the account does not know: guessing one password from many places. Capped at a
     * minute, and the account's own devices skip it, so nobody can lock a real user out.
     */
    public static final ThrottleRule PER_ACCOUNT = new ThrottleRule(5, Duration.ofMinutes(15), Duration.ofMinutes(1));
}
