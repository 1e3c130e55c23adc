package edu.sevenp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.RunningServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /health answers 503 within seconds when the database refuses connections, and 200 again once it is back. */
@PostgresTest
class HealthWhenDatabaseDownIT {

    private final TestDatabase database;
    private RunningServer server;

    HealthWhenDatabaseDownIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void startServer() {
        server = RunningServer.start(database);
    }

    @AfterEach
    void stopServer() throws Exception {
        try {
            allowConnections(true);
        } finally {
            server.close();
        }
    }

    @Test
    void answers503QuicklyWithTheRestOfTheReportAndRecovers() throws Exception {
        assertThat(server.client().get("/health").status()).isEqualTo(200);
        allowConnections(false);

        long startNanos = System.nanoTime();
        ApiClient.Response down = server.client().get("/health");
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(down.status()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        JsonNode report = down.json();
        assertThat(report.get("status").asText()).isEqualTo("unavailable");
        assertThat(report.get("schemaVersion").asText()).isEqualTo(server.server().database().schemaVersion());
        assertThat(report.get("databaseMode").asText()).isEqualTo("external");
        assertThat(report.get("protocolVersion").asInt()).isEqualTo(1);
        assertThat(report.get("databaseVersion").isNull()).isTrue();
        assertThat(report.get("database").isNull()).isTrue();

        allowConnections(true);
        assertThat(healthWithin(Duration.ofSeconds(30))).isEqualTo(200);
    }

    private int healthWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = server.client().get("/health").status();
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    /** Off: new connections are refused and the server's open ones are ended, as when PostgreSQL goes down. */
    private void allowConnections(boolean allowed) throws Exception {
        try (Connection connection = database.cluster().superuserDataSource("postgres").getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + allowed);
            }
            if (!allowed) {
                try (PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                    terminate.setString(1, database.name());
                    terminate.execute();
                }
            }
        }
    }
}
