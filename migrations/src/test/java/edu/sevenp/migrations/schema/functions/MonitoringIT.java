package edu.sevenp.migrations.schema.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.migrations.schema.LearningData;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * database_health_check() and analyze_query_performance(): what they report, and that only an
 * administrator (through the request role) or the schema owner may call them.
 */
@PostgresTest
class MonitoringIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static UUID admin;
    private static UUID learner;

    @BeforeAll
    static void users(TestDatabase database) throws SQLException {
        try (LearningData data = LearningData.asSuperuser(database)) {
            admin = data.userWithRole("Admin", "admin");
            learner = data.user("Learner");
        }
    }

    @Test
    void healthCheckReportsTheDocumentedKeys(TestDatabase database) throws Exception {
        JsonNode health = healthCheckAsOwner(database);

        assertThat(fieldNames(health)).containsExactlyInAnyOrder(
                "timestamp", "database_size", "active_connections", "slow_queries", "table_sizes", "index_usage");
        assertThat(fieldNames(health.get("index_usage"))).containsExactlyInAnyOrder("indexes", "tables");
    }

    @Test
    void healthCheckValuesAreSane(TestDatabase database) throws Exception {
        JsonNode health = healthCheckAsOwner(database);

        assertThat(Duration.between(OffsetDateTime.parse(health.get("timestamp").asText()), OffsetDateTime.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(health.get("database_size").asLong()).isPositive();
        // The health check's own session is running a statement.
        assertThat(health.get("active_connections").asInt()).isPositive();
        assertThat(health.get("slow_queries").asInt()).isZero();
        assertThat(health.get("table_sizes").get("courses").asLong()).isPositive();
        assertThat(health.get("table_sizes").has("course_statistics")).isTrue();
        assertThat(health.get("index_usage").get("indexes").get("idx_courses_instructor").get("table").asText())
                .isEqualTo("courses");
    }

    @Test
    void indexUsageRatioIsIndexScansOverAllScansAndNullWithoutScans(TestDatabase database) throws Exception {
        JsonNode tables = healthCheckAsOwner(database).get("index_usage").get("tables");

        Map<String, BigDecimal> reported = new TreeMap<>();
        Map<String, BigDecimal> computed = new TreeMap<>();
        tables.properties().forEach(table -> {
            long seq = table.getValue().get("seq_scan").asLong();
            long idx = table.getValue().get("idx_scan").asLong();
            JsonNode pct = table.getValue().get("idx_scan_pct");
            reported.put(table.getKey(), pct.isNull() ? null : pct.decimalValue().setScale(2, RoundingMode.UNNECESSARY));
            computed.put(table.getKey(), seq + idx == 0 ? null
                    : BigDecimal.valueOf(100 * idx).divide(BigDecimal.valueOf(seq + idx), 2, RoundingMode.HALF_UP));
        });

        assertThat(reported).containsKey("user_addresses").isEqualTo(computed);
        // Nothing in this test database ever scanned user_addresses.
        assertThat(reported.get("user_addresses")).isNull();
    }

    @Test
    void anAdministratorMayRunTheHealthCheckThroughTheRequestRole(TestDatabase database) throws Exception {
        JsonNode health = JSON.readTree(RequestRole.asUser(database, admin, MonitoringIT::healthCheck));

        assertThat(health.get("database_size").asLong()).isPositive();
    }

    @Test
    void healthCheckIsRefusedToOrdinaryAndAnonymousUsers(TestDatabase database) {
        for (UUID caller : new UUID[] {learner, null}) {
            assertThatThrownBy(() -> RequestRole.asUser(database, caller, MonitoringIT::healthCheck))
                    .as("caller %s", caller)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("only an administrator or the schema owner may run the health check")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
    }

    @Test
    void queryPerformanceExplainsHowToEnablePgStatStatementsWhenItIsMissing(TestDatabase database) throws Exception {
        List<String> queries = RequestRole.asUser(database, admin, MonitoringIT::queryPerformance);

        assertThat(queries).singleElement().asString()
                .contains("pg_stat_statements is not installed in database " + database.name())
                .contains("shared_preload_libraries")
                .contains("CREATE EXTENSION pg_stat_statements");
    }

    @Test
    void queryPerformanceListsThisDatabasesStatementsOnceTheExtensionIsInstalled(SharedPostgres postgres)
            throws Exception {
        try (TestDatabase withExtension = postgres.newDatabase()) {
            try (Connection superuser = withExtension.superuser().getConnection();
                    Statement statement = superuser.createStatement()) {
                statement.execute("CREATE EXTENSION pg_stat_statements");
            }
            try (Connection owner = withExtension.owner().getConnection();
                    Statement statement = owner.createStatement()) {
                statement.execute("SELECT count(*) AS monitoring_probe FROM courses");
            }

            List<String> queries;
            try (Connection owner = withExtension.owner().getConnection()) {
                queries = queryPerformance(owner);
            }

            assertThat(queries).anySatisfy(query -> assertThat(query).contains("monitoring_probe"));
            assertThat(queries).noneSatisfy(query -> assertThat(query).contains("pg_stat_statements is not"));
        }
    }

    @Test
    void queryPerformanceIsRefusedToOrdinaryUsers(TestDatabase database) {
        assertThatThrownBy(() -> RequestRole.asUser(database, learner, MonitoringIT::queryPerformance))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("only an administrator or the schema owner may read query statistics")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    private static JsonNode healthCheckAsOwner(TestDatabase database) throws Exception {
        try (Connection owner = database.owner().getConnection()) {
            return JSON.readTree(healthCheck(owner));
        }
    }

    private static String healthCheck(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT database_health_check()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> queryPerformance(Connection connection) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT query FROM analyze_query_performance()");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                queries.add(rows.getString(1));
            }
        }
        return queries;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
