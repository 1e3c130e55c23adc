package edu.sevenp.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class DatabaseReportTest {

    private final ObjectMapper json = JsonMapperFactory.create();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ScriptedMonitor monitor = new ScriptedMonitor();
    private final DatabaseReport report = new DatabaseReport(monitor, json, clock, Duration.ofSeconds(30));

    @Test
    void asksTheDatabaseAtMostOnceIn30Seconds() throws Exception {
        monitor.answers.add("{\"database_size\": 1}");
        monitor.answers.add("{\"database_size\": 2}");

        assertThat(report.current()).contains(json.readTree("{\"database_size\": 1}"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(report.current()).contains(json.readTree("{\"database_size\": 1}"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(report.current()).contains(json.readTree("{\"database_size\": 2}"));
        assertThat(monitor.calls).isEqualTo(2);
    }

    @Test
    void aFailureIsNotKeptSoTheNextCallAsksAgain() throws Exception {
        monitor.answers.add(ScriptedMonitor.FAIL);
        monitor.answers.add("{\"database_size\": 3}");

        assertThat(report.current()).isEmpty();
        assertThat(report.current()).contains(json.readTree("{\"database_size\": 3}"));
    }

    @Test
    void theHealthCheckDoesNotAskForTheReportWhenTheDatabaseIsDown() {
        HealthCheck check = new HealthCheck(() -> {
            throw new IllegalStateException("connection refused");
        }, report, "18", "embedded");

        assertThat(check.check()).isEqualTo(new HealthReport("unavailable", 1, null, "18", "embedded", null));
        assertThat(monitor.calls).isZero();
    }

    @Test
    void aHealthyReportCarriesTheDatabasesOwnReport() throws Exception {
        monitor.answers.add("{\"active_connections\": 1}");
        HealthCheck check = new HealthCheck(() -> "PostgreSQL 15.15", report, "18", "external");

        assertThat(check.check()).isEqualTo(new HealthReport("ok", 1, "PostgreSQL 15.15", "18", "external",
                json.readTree("{\"active_connections\": 1}")));
    }

    /** Answers from a script; {@link #FAIL} (or no answer left) is a database that does not answer. */
    private static final class ScriptedMonitor implements DatabaseMonitor {

        static final String FAIL = "fail";

        final Deque<String> answers = new ArrayDeque<>();
        int calls;

        @Override
        public String healthCheckJson() {
            calls++;
            String answer = answers.isEmpty() ? FAIL : answers.poll();
            if (answer.equals(FAIL)) {
                throw new IllegalStateException("the database did not answer");
            }
            return answer;
        }
    }
}
