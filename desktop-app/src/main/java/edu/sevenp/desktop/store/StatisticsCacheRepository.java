package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.STATISTICS_CACHE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The statistics_cache table: the last statistics answers the server gave this instructor, by key, with when they
 * were fetched, so that the statistics screen has something to show offline. Local only: never synced.
 */
public final class StatisticsCacheRepository {

    /** A cached answer: the server's JSON and when this computer received it. */
    public record Cached(String json, OffsetDateTime fetchedAt) {
        public Cached {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    StatisticsCacheRepository(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps {@code json} under {@code key}, fetched now; returns when. */
    public OffsetDateTime put(String key, String json) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(STATISTICS_CACHE)
                .set(STATISTICS_CACHE.CACHE_KEY, key)
                .set(STATISTICS_CACHE.BODY, json)
                .set(STATISTICS_CACHE.FETCHED_AT, now)
                .onConflict(STATISTICS_CACHE.CACHE_KEY).doUpdate()
                .set(STATISTICS_CACHE.BODY, json)
                .set(STATISTICS_CACHE.FETCHED_AT, now)
                .execute();
        return now;
    }

    public Optional<Cached> get(String key) {
        return dsl.select(STATISTICS_CACHE.BODY, STATISTICS_CACHE.FETCHED_AT).from(STATISTICS_CACHE)
                .where(STATISTICS_CACHE.CACHE_KEY.eq(key))
                .fetchOptional(row -> new Cached(row.value1(), row.value2()));
    }
}
