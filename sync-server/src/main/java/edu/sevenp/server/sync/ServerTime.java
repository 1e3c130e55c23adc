package edu.sevenp.server.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Device times converted to server time with the offset a push reports (docs/sync-protocol.md, section 8):
 * {@code server time = device time - offset}, never later than the server's now. Every time a merge stores or
 * compares goes through here, so a device whose clock is days off gets the outcomes of one whose clock is right.
 */
public record ServerTime(long offsetMillis, Instant now) {

    public ServerTime {
        Objects.requireNonNull(now, "now");
    }

    public OffsetDateTime of(OffsetDateTime deviceTime) {
        if (deviceTime == null) {
            return null;
        }
        Instant converted = deviceTime.toInstant().minusMillis(offsetMillis);
        return (converted.isAfter(now) ? now : converted).atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime nowUtc() {
        return now.atOffset(ZoneOffset.UTC);
    }
}
