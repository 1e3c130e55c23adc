package edu.sevenp.migrations.schema.partitions;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * V14: monthly partitions of learning_events, made ahead of time and detached when old. Tests that
 * create or detach partitions work on a fresh copy of the migrated database of their own, so that
 * each sees exactly the partitions the migration made.
 */
@PostgresTest
class LearningEventPartitionsIT {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final TestDatabase database;

    LearningEventPartitionsIT(TestDatabase database) {
        this.database = database;
    }

    @Test
    void migrationCreatesMonthlyPartitionsFromThePreviousMonthThroughThreeMonthsAhead() throws Exception {
        YearMonth current = currentMonth();

        assertThat(attachedPartitions(database.owner())).containsExactlyElementsOf(
                months(current.minusMonths(1), current.plusMonths(3)).stream()
                        .map(LearningEventPartitionsIT::bounds).toList());
    }

    @Test
    void ensureIsIdempotent(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            List<String> before = attachedPartitions(fresh.owner());

            List<String> created = ensure(fresh.owner(), currentMonth().minusMonths(1).atDay(1), 3);

            assertThat(created).isEmpty();
            assertThat(attachedPartitions(fresh.owner())).isEqualTo(before);
        }
    }

    @Test
    void ensureCreatesAPastRangeUpToTheFirstExistingMonth(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth current = currentMonth();

            List<String> created = ensure(fresh.owner(), current.minusMonths(24).atDay(15), 3);

            assertThat(created).containsExactlyElementsOf(months(current.minusMonths(24), current.minusMonths(2)).stream()
                    .map(LearningEventPartitionsIT::partitionName).toList());
        }
    }

    @Test
    void ensureCreatesMonthsFurtherAheadWhenAsked(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth current = currentMonth();

            List<String> created = ensure(fresh.owner(), current.atDay(1), 6);

            assertThat(created).containsExactlyElementsOf(months(current.plusMonths(4), current.plusMonths(6)).stream()
                    .map(LearningEventPartitionsIT::partitionName).toList());
        }
    }

    @Test
    void concurrentCallsCreateEachPartitionOnceWithoutError(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase(); Connection first = fresh.owner().getConnection()) {
            YearMonth current = currentMonth();
            LocalDate from = current.minusMonths(6).atDay(1);
            first.setAutoCommit(false);
            List<String> createdByFirst = list(first, "SELECT * FROM ensure_learning_event_partitions(?, 3)",
                    row -> row.getString(1), from);

            CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return ensure(fresh.owner(), from, 3);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitAdvisoryLockWaiter(fresh.owner());
            first.commit();

            assertThat(createdByFirst).containsExactlyElementsOf(months(current.minusMonths(6), current.minusMonths(2)).stream()
                    .map(LearningEventPartitionsIT::partitionName).toList());
            assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void rowsLandInThePartitionOfTheirUtcMonth() throws Exception {
        UUID user = newUser(database.superuser());
        YearMonth current = currentMonth();
        OffsetDateTime lastInstantOfPreviousMonth = current.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
        OffsetDateTime middleOfCurrentMonth = current.atDay(15).atTime(12, 0).atOffset(ZoneOffset.UTC);
        // 23:30 on the last day of the next month in UTC-2 is already the month after in UTC.
        OffsetDateTime lateInAWesternZone = current.plusMonths(1).atEndOfMonth().atTime(23, 30).atOffset(ZoneOffset.ofHours(-2));

        Map<OffsetDateTime, String> partitionOf = Stream.of(lastInstantOfPreviousMonth, middleOfCurrentMonth, lateInAWesternZone)
                .collect(Collectors.toMap(at -> at, at -> insertEventAndFindItsPartition(user, at)));

        assertThat(partitionOf).isEqualTo(Map.of(
                lastInstantOfPreviousMonth, partitionName(current.minusMonths(1)),
                middleOfCurrentMonth, partitionName(current),
                lateInAWesternZone, partitionName(current.plusMonths(2))));
    }

    @Test
    void insertBeyondTheCreatedRangeFailsWithPostgresError() throws Exception {
        UUID user = newUser(database.superuser());
        OffsetDateTime beyond = currentMonth().plusMonths(4).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);

        assertThatThrownBy(() -> execute(database.superuser(),
                "INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'search', ?)", user, beyond))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                .hasMessageContaining("no partition of relation \"learning_events\" found for row");
    }

    @Test
    void newPartitionsInheritTheParentsKeyAndIndexes() throws Exception {
        String partition = partitionName(currentMonth().plusMonths(3));

        assertThat(strings(database.owner(),
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = ?::regclass ORDER BY pg_get_indexdef(i.indexrelid) COLLATE \"C\"", partition))
                .containsExactly(
                        "CREATE INDEX " + partition + "_course_id_occurred_at_idx ON public." + partition
                                + " USING btree (course_id, occurred_at)",
                        "CREATE INDEX " + partition + "_user_id_occurred_at_idx ON public." + partition
                                + " USING btree (user_id, occurred_at)",
                        "CREATE UNIQUE INDEX " + partition + "_pkey ON public." + partition + " USING btree (id, occurred_at)");
    }

    @Test
    void newPartitionsAreClosedToTheRequestRoleAndForceRowLevelSecurity() throws Exception {
        String partition = partitionName(currentMonth());

        assertThat(list(database.owner(),
                "SELECT has_table_privilege(?, c.oid, 'SELECT, INSERT, UPDATE, DELETE'), c.relrowsecurity, c.relforcerowsecurity "
                        + "FROM pg_class c WHERE c.oid = ?::regclass",
                row -> List.of(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3)), "sevenp_app", partition))
                .containsExactly(List.of(false, true, true));
    }

    @Test
    void detachReturnsExactlyThePartitionsOlderThanTheRetentionWindow(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth current = currentMonth();
            ensure(fresh.owner(), current.minusMonths(20).atDay(1), 3);

            List<String> detached = detach(fresh.owner(), 13, false);

            assertThat(detached).containsExactlyElementsOf(months(current.minusMonths(20), current.minusMonths(14)).stream()
                    .map(LearningEventPartitionsIT::partitionName).toList());
            assertThat(attachedPartitions(fresh.owner())).containsExactlyElementsOf(
                    months(current.minusMonths(13), current.plusMonths(3)).stream().map(LearningEventPartitionsIT::bounds).toList());
        }
    }

    @Test
    void rowsOfADetachedPartitionAreNoLongerVisibleThroughLearningEvents(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth old = currentMonth().minusMonths(15);
            ensure(fresh.owner(), old.atDay(1), 3);
            UUID user = newUser(fresh.superuser());
            insertEvent(fresh.superuser(), user, old.atDay(10).atTime(8, 0).atOffset(ZoneOffset.UTC));

            detach(fresh.owner(), 13, false);

            assertThat(one(fresh.owner(), "SELECT count(*) FROM learning_events WHERE user_id = ?", Long.class, user)).isZero();
        }
    }

    @Test
    void aDetachedPartitionStaysAsATableWithItsRows(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth old = currentMonth().minusMonths(15);
            ensure(fresh.owner(), old.atDay(1), 3);
            UUID user = newUser(fresh.superuser());
            insertEvent(fresh.superuser(), user, old.atDay(10).atTime(8, 0).atOffset(ZoneOffset.UTC));

            detach(fresh.owner(), 13, false);

            assertThat(one(fresh.owner(), "SELECT count(*) FROM " + partitionName(old) + " WHERE user_id = ?", Long.class, user))
                    .isEqualTo(1L);
        }
    }

    @Test
    void detachWithDropRemovesTheTables(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth old = currentMonth().minusMonths(15);
            ensure(fresh.owner(), old.atDay(1), 3);

            List<String> dropped = detach(fresh.owner(), 13, true);

            assertThat(dropped).containsExactly(partitionName(old), partitionName(old.plusMonths(1)));
            assertThat(strings(fresh.owner(), "SELECT to_regclass(?)::text", partitionName(old))).containsExactly((String) null);
        }
    }

    @Test
    void theShortestRetentionStillKeepsTheCurrentMonth(SharedPostgres postgres) throws Exception {
        try (TestDatabase fresh = postgres.newDatabase()) {
            YearMonth current = currentMonth();
            ensure(fresh.owner(), current.minusMonths(5).atDay(1), 3);

            detach(fresh.owner(), 1, true);

            assertThat(attachedPartitions(fresh.owner())).containsExactlyElementsOf(
                    months(current.minusMonths(1), current.plusMonths(3)).stream().map(LearningEventPartitionsIT::bounds).toList());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM ensure_learning_event_partitions(NULL, 3)             | 22004 | p_from must not be NULL",
        "SELECT * FROM ensure_learning_event_partitions(CURRENT_DATE, -1)    | 22023 | p_months_ahead must be between 0 and 24, got -1",
        "SELECT * FROM ensure_learning_event_partitions(CURRENT_DATE, 25)    | 22023 | p_months_ahead must be between 0 and 24, got 25",
        "SELECT * FROM ensure_learning_event_partitions(DATE '2999-01-01', 3) | 22023 | p_from (2999-01-01) is after the last month to create",
        "SELECT * FROM ensure_learning_event_partitions(DATE '0224-01-01', 3) | 22023 | is more than 120 months",
        "SELECT * FROM detach_learning_event_partitions(0)                   | 22023 | p_retain_months must be between 1 and 1200, got 0",
        "SELECT * FROM detach_learning_event_partitions(13, NULL)            | 22004 | p_drop must not be NULL",
    })
    void invalidArgumentsAreRejectedWithAClearMessage(String call, String sqlState, String message) {
        assertThatThrownBy(() -> execute(database.owner(), call))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState))
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({
        "SELECT * FROM ensure_learning_event_partitions()",
        "SELECT * FROM detach_learning_event_partitions()",
    })
    void theRequestRoleMayNotManagePartitions(String call) {
        assertThatThrownBy(() -> execute(database.request(), call))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for function");
    }

    // ------------------------------------------------------------------------------------ helpers

    /** Partitions are UTC months (the functions run with TimeZone = 'UTC'). */
    private static YearMonth currentMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    private static List<YearMonth> months(YearMonth first, YearMonth last) {
        return Stream.iterate(first, month -> !month.isAfter(last), month -> month.plusMonths(1)).toList();
    }

    private static String partitionName(YearMonth month) {
        return "learning_events_p" + month.format(SUFFIX);
    }

    private static String bounds(YearMonth month) {
        return partitionName(month) + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00+00') TO ('"
                + month.plusMonths(1).atDay(1) + " 00:00:00+00')";
    }

    /** Every partition attached to learning_events with its bounds, printed in UTC, in order. */
    private static List<String> attachedPartitions(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SET TimeZone = 'UTC'");
            return list(connection,
                    "SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
                            + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'learning_events'::regclass ORDER BY c.relname",
                    row -> row.getString(1));
        }
    }

    private static List<String> ensure(DataSource dataSource, LocalDate from, int monthsAhead) throws SQLException {
        return list(dataSource, "SELECT * FROM ensure_learning_event_partitions(?, ?)", row -> row.getString(1), from, monthsAhead);
    }

    private static List<String> detach(DataSource dataSource, int retainMonths, boolean drop) throws SQLException {
        return list(dataSource, "SELECT * FROM detach_learning_event_partitions(?, ?)", row -> row.getString(1), retainMonths, drop);
    }

    /** Waits until some session waits for an advisory lock: the second caller queued behind the first. */
    private static void awaitAdvisoryLockWaiter(DataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (one(dataSource, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second call never waited for the advisory lock");
            }
            Thread.sleep(50);
        }
    }

    private static UUID newUser(DataSource superuser) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(superuser, "INSERT INTO users (id, email, name) VALUES (?, ?, 'Partition Tester')", id, id + "@example.org");
        return id;
    }

    private static void insertEvent(DataSource dataSource, UUID user, OffsetDateTime occurredAt) throws SQLException {
        execute(dataSource, "INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'lesson_opened', ?)",
                user, occurredAt);
    }

    private String insertEventAndFindItsPartition(UUID user, OffsetDateTime occurredAt) {
        try {
            return one(database.superuser(),
                    "INSERT INTO learning_events (user_id, event_type, occurred_at) VALUES (?, 'lesson_opened', ?) "
                            + "RETURNING tableoid::regclass::text", String.class, user, occurredAt);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
