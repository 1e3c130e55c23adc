package edu.sevenp.server.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's health report, asked for at most once per {@code maxAge}: it reads the statistics of every table
 * and index, too much for each call of a health endpoint that load balancers poll every few seconds. A failure is
 * not kept, so the next call asks again.
 */
public final class DatabaseReport {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReport.class);

    private final DatabaseMonitor monitor;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration maxAge;
    private JsonNode report;
    private Instant madeAt;

    public DatabaseReport(DatabaseMonitor monitor, ObjectMapper mapper, Clock clock, Duration maxAge) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The report of the last {@code maxAge}, or a new one; empty when the database could not make one. */
    public synchronized Optional<JsonNode> current() {
        Instant now = clock.instant();
        if (report == null || !now.isBefore(madeAt.plus(maxAge))) {
            try {
                report = mapper.readTree(monitor.healthCheckJson());
                madeAt = now;
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("health database_health_check failed: {}", e.getMessage());
                LOG.debug("health database_health_check failed", e);
                report = null;
                return Optional.empty();
            }
        }
        return Optional.of(report);
    }
}
