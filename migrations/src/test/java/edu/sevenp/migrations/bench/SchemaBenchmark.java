package edu.sevenp.migrations.bench;

import edu.sevenp.migrations.RoleNames;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The schema benchmark (issue 3): generates the documented data set, then measures the reads the
 * product depends on as the request role with row-level security on, and the statistics refresh.
 * Prints a Markdown report and writes it to {@code migrations/target/schema-benchmark.md}.
 *
 * <pre>mvn -pl migrations -am -Pbench -DskipTests verify              (the issue's size)
 * mvn -pl migrations -am -Pbench -DskipTests verify -Dbench.size=small</pre>
 *
 * It is a benchmark, not a test: it prints figures and never fails on time.
 */
public final class SchemaBenchmark {

    private static final int WARMUP = 50;
    private static final int ITERATIONS = 400;

    private final DataSource superuser;
    private final DataSource request;
    private final BenchmarkSize size;
    private final Random random = new Random(42);
    private final StringBuilder report = new StringBuilder();

    private SchemaBenchmark(TestDatabase database, BenchmarkSize size) {
        this.superuser = database.superuser();
        this.request = database.request();
        this.size = size;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSize size = "small".equals(System.getProperty("bench.size")) ? BenchmarkSize.small() : BenchmarkSize.issueSize();
        try (SharedPostgres postgres = SharedPostgres.start(); TestDatabase database = postgres.newDatabase()) {
            new SchemaBenchmark(database, size).run(Path.of(System.getProperty("bench.report", "target/schema-benchmark.md")));
        }
    }

    private void run(Path reportFile) throws Exception {
        line("# Schema benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", " + serverVersion());
        line("");
        line("## Data generation");
        line("");
        long start = System.nanoTime();
        Map<String, Double> timings = new BenchmarkData(superuser, size, System.out::println).generate();
        double total = (System.nanoTime() - start) / 1e9;
        line("| step | seconds |");
        line("|---|---:|");
        timings.forEach((step, seconds) -> line(String.format(Locale.ROOT, "| %s | %.1f |", step, seconds)));
        line(String.format(Locale.ROOT, "| **total** | **%.1f** |", total));
        line("");
        line("Rows: " + counts());
        line("");

        double refresh = timeRefresh();
        line(String.format(Locale.ROOT, "Statistics refresh (`refresh_course_statistics()`, CONCURRENTLY): %.0f ms", refresh));
        line("");

        List<UUID> learners = learnersWithEnrollments(ITERATIONS);
        List<UUID> instructors = instructors();
        line("## Reads as the request role, row-level security on");
        line("");
        line("Each read runs " + ITERATIONS + " times (after " + WARMUP + " warm-up runs) in its own transaction that first"
                + " sets `app.user_id`, as the server does; the time is the statement alone, client to client.");
        line("");
        line("| read | p50 ms | p95 ms | p99 ms | plan |");
        line("|---|---:|---:|---:|---|");
        List<String> plans = new ArrayList<>();
        measure("catalog search (full text, two words, anonymous)", null, plans, (connection, ignored) -> {
            String term = BenchmarkData.WORDS.get(random.nextInt(BenchmarkData.WORDS.size())) + " "
                    + BenchmarkData.WORDS.get(random.nextInt(BenchmarkData.WORDS.size()));
            return query(connection, "SELECT * FROM search_courses(?, 20)", term);
        });
        measure("course outline (entitled learner)", learners, plans, (connection, user) -> query(connection, """
                SELECT s.id, s.title, s.order_index, l.id, l.title, l.order_index, l.content_type, l.video_duration
                FROM course_sections AS s
                JOIN course_lessons AS l ON l.section_id = s.id
                WHERE s.course_id = ?
                ORDER BY s.order_index, l.order_index
                """, enrolledCourse(connection, user)));
        measure("get_user_dashboard", learners, plans, (connection, user) ->
                query(connection, "SELECT get_user_dashboard(?)", user));
        measure("get_course_recommendations (10)", learners, plans, (connection, user) ->
                query(connection, "SELECT * FROM get_course_recommendations(?, 10)", user));
        measure("a learner's progress in one course", learners, plans, (connection, user) -> query(connection, """
                SELECT lesson_id, status, progress_percentage, last_position, total_time_spent
                FROM lesson_progress
                WHERE user_id = ? AND course_id = ?
                """, user, enrolledCourse(connection, user)));
        measure("instructor's statistics", instructors, plans, (connection, user) ->
                query(connection, "SELECT * FROM instructor_course_statistics ORDER BY id"));
        line("");
        line("## Plans");
        line("");
        plans.forEach(this::line);
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report.toString());
        System.out.println();
        System.out.println("Report written to " + reportFile.toAbsolutePath());
    }

    /** A statement and its parameters. */
    private record Query(String sql, List<Object> parameters) {
    }

    @FunctionalInterface
    private interface Read {
        /** The query for {@code user}; may look up ids first (as {@code user}, so within what they may see). */
        Query prepare(Connection connection, UUID user) throws SQLException;
    }

    private void measure(String name, List<UUID> users, List<String> plans, Read read) throws SQLException {
        Latencies latencies = new Latencies(ITERATIONS);
        String plan = "";
        try (Connection connection = request.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                UUID user = users == null ? null : users.get(i % users.size());
                actAs(connection, user);
                try (PreparedStatement statement = bind(connection, "", read.prepare(connection, user))) {
                    long start = System.nanoTime();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getObject(1);
                        }
                    }
                    long elapsed = System.nanoTime() - start;
                    if (i >= WARMUP) {
                        latencies.record(elapsed);
                    }
                }
                connection.commit();
            }
            UUID user = users == null ? null : users.get(0);
            actAs(connection, user);
            Query query = read.prepare(connection, user);
            connection.commit();
            boolean function = query.sql().contains("get_") || query.sql().contains("search_");
            plan = function ? nestedPlans(query, user) : explain(connection, query);
        }
        String usesIndex = plan.contains("Index") || plan.contains("Bitmap") ? "index" : "no index";
        line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |", name, latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.percentileMillis(99), usesIndex));
        plans.add("### " + name);
        plans.add("");
        plans.add("```");
        plans.add(plan.strip());
        plans.add("```");
        plans.add("");
        System.out.printf(Locale.ROOT, "%-42s p50 %7.2f ms  p95 %7.2f ms%n", name, latencies.percentileMillis(50),
                latencies.percentileMillis(95));
    }

    /** EXPLAIN ANALYZE of the same statement with the same parameters bound. */
    private static String explain(Connection connection, Query query) throws SQLException {
        try (PreparedStatement explain = bind(connection, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ", query);
                ResultSet rows = explain.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    /**
     * The plans of the statements inside a function, which EXPLAIN does not show: auto_explain with
     * nested statements, reported as notices, in a superuser session that acts as the request role
     * (SET ROLE), so that row-level security applies as it does for the server.
     */
    private String nestedPlans(Query query, UUID user) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LOAD 'auto_explain'");
            statement.execute("SET auto_explain.log_min_duration = 0");
            statement.execute("SET auto_explain.log_analyze = on");
            statement.execute("SET auto_explain.log_timing = on");
            statement.execute("SET auto_explain.log_nested_statements = on");
            statement.execute("SET auto_explain.log_level = 'notice'");
            statement.execute("SET ROLE " + RoleNames.quoted(PostgresCluster.REQUEST_ROLE));
            connection.setAutoCommit(false);
            actAs(connection, user);
            StringBuilder plans = new StringBuilder();
            try (PreparedStatement prepared = bind(connection, "", query)) {
                prepared.executeQuery().close();
                for (SQLWarning warning = prepared.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    if (!warning.getMessage().contains("set_config('app.user_id'")) {
                        plans.append(warning.getMessage().strip()).append("\n\n");
                    }
                }
            }
            connection.rollback();
            return plans.toString();
        }
    }

    private static void actAs(Connection connection, UUID user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
            statement.setString(1, user == null ? "" : user.toString());
            statement.execute();
        }
    }

    private static Query query(Connection connection, String sql, Object... parameters) {
        return new Query(sql, List.of(parameters));
    }

    /** {@code prefix} is a constant of this class (empty, or EXPLAIN's options), never data. */
    private static PreparedStatement bind(Connection connection, String prefix, Query query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(prefix + query.sql());
        for (int i = 0; i < query.parameters().size(); i++) {
            statement.setObject(i + 1, query.parameters().get(i));
        }
        return statement;
    }

    /** One of {@code user}'s enrolled courses, read as that user (so it is one they are entitled to). */
    private UUID enrolledCourse(Connection connection, UUID user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT course_id FROM enrollments WHERE user_id = ? ORDER BY course_id LIMIT 1 OFFSET ?")) {
            statement.setObject(1, user);
            statement.setInt(2, random.nextInt(3));
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return rows.getObject(1, UUID.class);
                }
            }
        }
        throw new IllegalStateException("learner " + user + " has no enrollment");
    }

    private List<UUID> learnersWithEnrollments(int count) throws SQLException {
        return ids("SELECT user_id FROM enrollments GROUP BY user_id HAVING count(*) >= 3 ORDER BY md5(user_id::text) LIMIT ?",
                count);
    }

    private List<UUID> instructors() throws SQLException {
        return ids("SELECT DISTINCT instructor_id FROM courses ORDER BY instructor_id LIMIT ?", size.instructors());
    }

    private List<UUID> ids(String sql, int limit) throws SQLException {
        try (Connection connection = superuser.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private double timeRefresh() throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT refresh_course_statistics()");
            long start = System.nanoTime();
            statement.execute("SELECT refresh_course_statistics()");
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private String counts() throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT 'users', count(*) FROM users UNION ALL
                        SELECT 'courses', count(*) FROM courses UNION ALL
                        SELECT 'lessons', count(*) FROM course_lessons UNION ALL
                        SELECT 'enrollments', count(*) FROM enrollments UNION ALL
                        SELECT 'lesson_progress', count(*) FROM lesson_progress UNION ALL
                        SELECT 'course_completions', count(*) FROM course_completions UNION ALL
                        SELECT 'learning_events', count(*) FROM learning_events UNION ALL
                        SELECT 'user_notes', count(*) FROM user_notes""")) {
            while (rows.next()) {
                parts.add(String.format(Locale.ROOT, "%s %,d", rows.getString(1), rows.getLong(2)));
            }
        }
        return String.join(", ", parts);
    }

    private String serverVersion() throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 'PostgreSQL ' || current_setting('server_version')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
