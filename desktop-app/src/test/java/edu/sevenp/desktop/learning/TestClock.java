package edu.sevenp.desktop.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and moves. */
final class TestClock extends Clock {

    private Instant now;

    TestClock(OffsetDateTime start) {
        this.now = start.toInstant();
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
