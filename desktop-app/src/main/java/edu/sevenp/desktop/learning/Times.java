package edu.sevenp.desktop.learning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time of a learner's action: UTC, to the microsecond, as the store keeps it. */
final class Times {

    private Times() {
    }

    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
