package edu.sevenp.migrations.schema.backup;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.list;
import static edu.sevenp.migrations.schema.Sql.one;
import static edu.sevenp.migrations.schema.Sql.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** V16's table_checksums(): which tables it covers and what its checksum depends on. */
@PostgresTest
class TableChecksumsIT {

    private final TestDatabase database;

    TableChecksumsIT(TestDatabase database) {
        this.database = database;
    }

    @Test
    void coversLeafPartitionsButNotThePartitionedParent() throws Exception {
        List<String> tables = tableNames(database.owner());

        assertThat(tables).contains("users", "flyway_schema_history", currentPartition()).doesNotContain("learning_events");
    }

    @Test
    void coversExactlyTheOrdinaryTablesOfSchemaPublic() throws Exception {
        execute(database.owner(), "CREATE VIEW checksum_test_view AS SELECT id FROM users");
        execute(database.owner(), "CREATE MATERIALIZED VIEW checksum_test_matview AS SELECT id FROM users");

        assertThat(tableNames(database.owner())).isEqualTo(strings(database.owner(),
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename::text <> 'learning_events' ORDER BY tablename COLLATE \"C\""));
    }

    @Test
    void aDetachedPartitionIsStillChecked(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(20);
            execute(fresh.owner(), "SELECT * FROM ensure_learning_event_partitions(?, 3)", old.atDay(1));
            execute(fresh.owner(), "SELECT * FROM detach_learning_event_partitions(13)");

            assertThat(tableNames(fresh.owner())).contains(partition(old));
        }
    }

    @Test
    void countsTheRowsOfEachTable() throws Exception {
        UUID user = newUser(database.superuser(), "Counted");
        insertEvent(database.superuser(), user, OffsetDateTime.now(ZoneOffset.UTC));
        insertEvent(database.superuser(), user, OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(one(database.owner(), "SELECT row_count FROM table_checksums() WHERE table_name = ?", Long.class,
                currentPartition())).isEqualTo(one(database.owner(),
                        "SELECT count(*) FROM learning_events WHERE date_trunc('month', occurred_at AT TIME ZONE 'UTC') "
                                + "= date_trunc('month', now() AT TIME ZONE 'UTC')", Long.class));
    }

    @Test
    void aChangedValueChangesTheChecksum() throws Exception {
        UUID user = newUser(database.superuser(), "Before");
        String before = checksumOf(database.owner(), "users");

        execute(database.superuser(), "UPDATE users SET name = 'After' WHERE id = ?", user);

        assertThat(checksumOf(database.owner(), "users")).isNotEqualTo(before);
    }

    @Test
    void theChecksumDoesNotDependOnThePhysicalOrderOfRows() throws Exception {
        UUID first = newUser(database.superuser(), "First");
        newUser(database.superuser(), "Second");
        String before = checksumOf(database.owner(), "users");

        // Each update writes a new row version at the end of the table: the same content, in another order.
        // Triggers are off for it (as in a bulk load), or updated_at would change the content itself.
        try (Connection connection = database.superuser().getConnection()) {
            execute(connection, "SET session_replication_role = replica");
            execute(connection, "UPDATE users SET name = 'Moved' WHERE id = ?", first);
            execute(connection, "UPDATE users SET name = 'First' WHERE id = ?", first);
        }

        assertThat(checksumOf(database.owner(), "users")).isEqualTo(before);
    }

    @Test
    void theChecksumDoesNotDependOnSessionSettings() throws Exception {
        newUser(database.superuser(), "Settings");
        List<String> plain = allChecksums(database.owner(), List.of());

        // DateStyle stays ISO: the JDBC driver refuses any other (the function fixes it all the same).
        List<String> unusual = allChecksums(database.owner(), List.of("SET TimeZone = 'Pacific/Chatham'",
                "SET IntervalStyle = 'iso_8601'", "SET extra_float_digits = -15",
                "SET bytea_output = 'escape'"));

        assertThat(unusual).isEqualTo(plain);
    }

    @Test
    void theRequestRoleMayNotRunIt() {
        assertThatThrownBy(() -> execute(database.request(), "SELECT * FROM table_checksums()"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for function table_checksums");
    }

    private static List<String> tableNames(DataSource dataSource) throws SQLException {
        return strings(dataSource, "SELECT table_name FROM table_checksums()");
    }

    private static String checksumOf(DataSource dataSource, String table) throws SQLException {
        return one(dataSource, "SELECT checksum FROM table_checksums() WHERE table_name = ?", String.class, table);
    }

    private static List<String> allChecksums(DataSource dataSource, List<String> settings) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String setting : settings) {
                execute(connection, setting);
            }
            return list(connection, "SELECT table_name || ' ' || row_count || ' ' || checksum FROM table_checksums()",
                    row -> row.getString(1));
        }
    }

    private static String currentPartition() {
        return partition(YearMonth.now(ZoneOffset.UTC));
    }

    private static String partition(YearMonth month) {
        return "learning_events_p" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    }

    private static UUID newUser(DataSource superuser, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(superuser, "INSERT INTO users (id, email, name) VALUES (?, ?, ?)", id, id + "@example.org", name);
        return id;
    }

    private static void insertEvent(DataSource superuser, UUID user, OffsetDateTime occurredAt) throws SQLException {
        execute(superuser, "INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'search', ?)", user, occurredAt);
    }
}
