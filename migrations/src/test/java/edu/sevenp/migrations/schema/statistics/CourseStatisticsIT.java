package edu.sevenp.migrations.schema.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.migrations.schema.LearningData;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * course_statistics (V13) against a brute-force computation on random data, the seed's query against
 * the same data, and how the view is refreshed and who may read it.
 *
 * <p>The data is random but reproducible: the seed is printed, appears in every failure message, and
 * is taken from {@code -Dsevenp.statistics.seed=N} when given.
 */
@PostgresTest
class CourseStatisticsIT {

    private static final long SEED = Long.getLong("sevenp.statistics.seed", System.nanoTime());
    private static final String REPRODUCE = "random data from seed " + SEED + " (-Dsevenp.statistics.seed=" + SEED + ")";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seed's course_statistics query, verbatim (it runs unchanged on our schema). */
    private static final String SEED_QUERY = """
            SELECT
              c.id,
              c.title,
              c.instructor_id,
              c.category_id,
              COUNT(DISTINCT e.user_id) as enrollment_count,
              AVG(cc.rating)::DECIMAL(3,2) as average_rating,
              COUNT(DISTINCT cc.id) as review_count,
              AVG(lp.progress_percentage)::DECIMAL(5,2) as avg_completion_rate,
              SUM(cp.amount) as total_revenue,
              COUNT(DISTINCT cp.id) as purchase_count
            FROM courses c
            LEFT JOIN enrollments e ON c.id = e.course_id
            LEFT JOIN course_completions cc ON c.id = cc.course_id
            LEFT JOIN lesson_progress lp ON lp.lesson_id IN (
              SELECT id FROM course_lessons WHERE course_id = c.id
            )
            LEFT JOIN course_purchases cp ON c.id = cp.course_id AND cp.status = 'completed'
            WHERE c.status = 'published'
            GROUP BY c.id, c.title, c.instructor_id, c.category_id
            """;

    private static RandomLearningData.Generated generated;

    @BeforeAll
    static void generateRandomData(TestDatabase database) throws SQLException {
        System.out.println("CourseStatisticsIT: " + REPRODUCE);
        try (LearningData data = LearningData.asSuperuser(database)) {
            data.connection().setAutoCommit(false);
            generated = new RandomLearningData(new Random(SEED), data).generate();
            data.connection().commit();
        }
    }

    @Test
    void statisticsEqualABruteForceComputationFromTheRawRows(TestDatabase database) throws Exception {
        long refreshNanos;
        try (Connection owner = database.owner().getConnection()) {
            long start = System.nanoTime();
            assertThat(refresh(owner)).isTrue();
            refreshNanos = System.nanoTime() - start;
        }

        List<CourseStats> expected;
        try (Connection superuser = database.superuser().getConnection()) {
            BruteForceStatistics bruteForce = BruteForceStatistics.read(superuser);
            expected = bruteForce.statistics();
            System.out.printf("CourseStatisticsIT: refresh took %.1f ms for %d published courses, %d enrollments, "
                    + "%d completions, %d purchases, %d lesson progress rows%n", refreshNanos / 1e6, expected.size(),
                    bruteForce.enrollmentCount(), bruteForce.completionCount(), bruteForce.purchaseCount(),
                    bruteForce.progressCount());
        }

        assertThat(courseStatistics(database)).as(REPRODUCE).isEqualTo(expected);
    }

    @Test
    void aPublishedCourseWithNothingHasZeroCountsAndNoAverages(TestDatabase database) throws Exception {
        refreshAsOwner(database);

        CourseStats empty = courseStatistics(database).stream()
                .filter(row -> row.id().equals(generated.emptyCourse()))
                .findFirst().orElseThrow();

        assertThat(empty).isEqualTo(new CourseStats(generated.emptyCourse(), "Nothing Yet", generated.instructors().get(0),
                null, 0, null, 0, null, 0, "USD", new BigDecimal("0.00"), new TreeMap<>(), 0));
    }

    @Test
    void seedQueryMultipliesRevenueByTheJoinFanOut(TestDatabase database) throws Exception {
        Map<UUID, BigDecimal> seedRevenue = new TreeMap<>();
        Map<UUID, BigDecimal> expectedSeedRevenue;
        List<CourseStats> trueStatistics;
        try (Connection superuser = database.superuser().getConnection();
                PreparedStatement statement = superuser.prepareStatement(SEED_QUERY);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (rows.getBigDecimal("total_revenue") != null) {
                    seedRevenue.put(rows.getObject("id", UUID.class), rows.getBigDecimal("total_revenue"));
                }
            }
            BruteForceStatistics bruteForce = BruteForceStatistics.read(superuser);
            expectedSeedRevenue = bruteForce.seedRevenueByFanOut();
            trueStatistics = bruteForce.statistics();
        }

        // Each course's revenue comes out as the true sum times (enrollments x completions x progress rows)...
        assertThat(seedRevenue).as(REPRODUCE).isEqualTo(expectedSeedRevenue);
        // ...which, on this data, is far above what was paid.
        BigDecimal truePaid = trueStatistics.stream()
                .flatMap(row -> row.revenueByCurrency().values().stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal seedTotal = seedRevenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(seedTotal).as(REPRODUCE).isGreaterThan(truePaid.multiply(BigDecimal.TEN));
    }

    @Test
    void refreshPicksUpNewRowsEachTimeItRuns(TestDatabase database) throws Exception {
        UUID course = generated.publishedCoursesWithLessons().get(0);
        assertThat(refreshAsRequestRole(database)).isTrue();
        long before = enrollmentCount(database, course);

        try (LearningData data = LearningData.asSuperuser(database)) {
            data.enroll(data.user("Late Learner"), course);
        }
        long staleUntilRefreshed = enrollmentCount(database, course);
        boolean refreshedAgain = refreshAsRequestRole(database);

        assertThat(List.of(staleUntilRefreshed, enrollmentCount(database, course))).containsExactly(before, before + 1);
        assertThat(refreshedAgain).isTrue();
    }

    @Test
    void readersAreNotBlockedWhileARefreshIsInProgress(TestDatabase database) throws Exception {
        try (Connection refresher = database.owner().getConnection()) {
            refresher.setAutoCommit(false);
            refresh(refresher);
            // The refresh is done but not committed: it still holds its lock on the view.
            assertThat(lockModesOnCourseStatistics(database)).contains("ExclusiveLock");

            long rows = RequestRole.asUser(database, generated.admin(), connection -> {
                try (PreparedStatement timeout = connection.prepareStatement("SET LOCAL lock_timeout = '2s'")) {
                    timeout.execute();
                }
                return single(connection, "SELECT count(*) FROM instructor_course_statistics");
            });

            assertThat(rows).isPositive();
            refresher.rollback();
        }
    }

    @Test
    void aSecondRefreshWhileOneIsRunningSkipsInsteadOfWaiting(TestDatabase database) throws Exception {
        try (Connection first = database.owner().getConnection()) {
            first.setAutoCommit(false);
            assertThat(refresh(first)).isTrue();

            // Without the skip, this call would wait for the first refresh: the lock timeout turns a hang into an error.
            boolean second = RequestRole.asUser(database, null, connection -> {
                try (PreparedStatement timeout = connection.prepareStatement("SET LOCAL lock_timeout = '5s'")) {
                    timeout.execute();
                }
                return refresh(connection);
            });

            assertThat(second).isFalse();
            first.rollback();
        }
    }

    @Test
    void instructorSeesTheStatisticsOfTheirOwnCoursesOnly(TestDatabase database) throws Exception {
        refreshAsOwner(database);
        UUID instructor = generated.instructors().get(1);
        List<UUID> own = courseStatistics(database).stream()
                .filter(row -> row.instructorId().equals(instructor)).map(CourseStats::id).toList();

        List<UUID> seen = RequestRole.asUser(database, instructor, RequestRoleQueries::instructorStatisticsIds);

        assertThat(own).isNotEmpty();
        assertThat(seen).isEqualTo(own);
    }

    @Test
    void adminSeesTheStatisticsOfEveryCourse(TestDatabase database) throws Exception {
        refreshAsOwner(database);
        List<UUID> all = courseStatistics(database).stream().map(CourseStats::id).toList();

        List<UUID> seen = RequestRole.asUser(database, generated.admin(), RequestRoleQueries::instructorStatisticsIds);

        assertThat(seen).isEqualTo(all);
    }

    @Test
    void learnerAndAnonymousSeeNoStatistics(TestDatabase database) throws Exception {
        refreshAsOwner(database);

        List<UUID> learner = RequestRole.asUser(database, generated.learnerWithNothing(),
                RequestRoleQueries::instructorStatisticsIds);
        List<UUID> anonymous = RequestRole.asUser(database, null, RequestRoleQueries::instructorStatisticsIds);

        assertThat(learner).isEmpty();
        assertThat(anonymous).isEmpty();
    }

    @Test
    void requestRoleCannotReadTheMaterializedViewDirectly(TestDatabase database) {
        assertThatThrownBy(() -> RequestRole.asUser(database, generated.admin(),
                connection -> single(connection, "SELECT count(*) FROM course_statistics")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    /** Queries the request role makes; in a class of their own so that method references stay short. */
    private static final class RequestRoleQueries {
        static List<UUID> instructorStatisticsIds(Connection connection) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM instructor_course_statistics ORDER BY id");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static List<CourseStats> courseStatistics(TestDatabase database) throws Exception {
        List<CourseStats> rows = new ArrayList<>();
        try (Connection owner = database.owner().getConnection();
                PreparedStatement statement = owner.prepareStatement("SELECT * FROM course_statistics ORDER BY id");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new CourseStats(
                        row.getObject("id", UUID.class),
                        row.getString("title"),
                        row.getObject("instructor_id", UUID.class),
                        row.getObject("category_id", UUID.class),
                        row.getLong("enrollment_count"),
                        row.getBigDecimal("average_rating"),
                        row.getLong("review_count"),
                        row.getBigDecimal("avg_completion_rate"),
                        row.getLong("completion_count"),
                        row.getString("currency"),
                        row.getBigDecimal("total_revenue"),
                        amounts(row.getString("revenue_by_currency")),
                        row.getLong("purchase_count")));
            }
        }
        return rows;
    }

    /** A jsonb {currency: amount} as a sorted map, amounts to two decimals. */
    private static TreeMap<String, BigDecimal> amounts(String json) throws Exception {
        TreeMap<String, BigDecimal> parsed = JSON.readValue(json, new TypeReference<TreeMap<String, BigDecimal>>() { });
        parsed.replaceAll((currency, amount) -> amount.setScale(2, RoundingMode.UNNECESSARY));
        return parsed;
    }

    private static long enrollmentCount(TestDatabase database, UUID course) throws SQLException {
        try (Connection owner = database.owner().getConnection();
                PreparedStatement statement = owner.prepareStatement(
                        "SELECT enrollment_count FROM course_statistics WHERE id = ?")) {
            statement.setObject(1, course);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> lockModesOnCourseStatistics(TestDatabase database) throws SQLException {
        List<String> modes = new ArrayList<>();
        try (Connection superuser = database.superuser().getConnection();
                PreparedStatement statement = superuser.prepareStatement("""
                        SELECT mode FROM pg_locks
                        WHERE relation = 'course_statistics'::regclass AND database = (
                          SELECT oid FROM pg_database WHERE datname = current_database()) AND granted""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                modes.add(rows.getString(1));
            }
        }
        return modes;
    }

    private static void refreshAsOwner(TestDatabase database) throws SQLException {
        try (Connection owner = database.owner().getConnection()) {
            assertThat(refresh(owner)).isTrue();
        }
    }

    /** As the server's scheduler does it: through the request role, with no user. */
    private static boolean refreshAsRequestRole(TestDatabase database) throws SQLException {
        return RequestRole.asUser(database, null, CourseStatisticsIT::refresh);
    }

    private static boolean refresh(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT refresh_course_statistics()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
