package edu.sevenp.migrations.schema.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The statistics of docs/schema-notes/statistics-and-functions.md computed the slow, obvious way: read
 * every raw row into Java and count, add and average per course, one source at a time.
 */
final class BruteForceStatistics {

    record Course(UUID id, String title, UUID instructorId, UUID categoryId, String status, String currency) {
    }

    record Enrollment(UUID courseId, BigDecimal progress) {
    }

    record Completion(UUID courseId, Integer rating) {
    }

    record Purchase(UUID courseId, BigDecimal amount, String currency, String status) {
    }

    record Progress(UUID courseId) {
    }

    private final List<Course> courses;
    private final List<Enrollment> enrollments;
    private final List<Completion> completions;
    private final List<Purchase> purchases;
    private final List<Progress> progress;

    private BruteForceStatistics(List<Course> courses, List<Enrollment> enrollments, List<Completion> completions,
            List<Purchase> purchases, List<Progress> progress) {
        this.courses = courses;
        this.enrollments = enrollments;
        this.completions = completions;
        this.purchases = purchases;
        this.progress = progress;
    }

    /** Reads the raw rows as they are now (through a connection that sees all of them). */
    static BruteForceStatistics read(Connection connection) throws SQLException {
        return new BruteForceStatistics(
                query(connection, "SELECT id, title, instructor_id, category_id, status, currency FROM courses",
                        row -> new Course(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                                row.getObject(4, UUID.class), row.getString(5), row.getString(6))),
                query(connection, "SELECT course_id, progress FROM enrollments",
                        row -> new Enrollment(row.getObject(1, UUID.class), row.getBigDecimal(2))),
                query(connection, "SELECT course_id, rating FROM course_completions",
                        row -> new Completion(row.getObject(1, UUID.class), row.getObject(2, Integer.class))),
                query(connection, "SELECT course_id, amount, currency, status FROM course_purchases",
                        row -> new Purchase(row.getObject(1, UUID.class), row.getBigDecimal(2), row.getString(3),
                                row.getString(4))),
                query(connection, "SELECT course_id FROM lesson_progress",
                        row -> new Progress(row.getObject(1, UUID.class))));
    }

    /** The expected rows of course_statistics, in PostgreSQL's order of their ids. */
    List<CourseStats> statistics() {
        List<CourseStats> rows = new ArrayList<>();
        for (Course course : publishedCourses()) {
            List<Enrollment> courseEnrollments = of(enrollments, e -> e.courseId().equals(course.id()));
            List<Completion> courseCompletions = of(completions, c -> c.courseId().equals(course.id()));
            List<Integer> ratings = courseCompletions.stream().map(Completion::rating).filter(Objects::nonNull).toList();
            List<Purchase> completed = completedPurchases(course.id());
            TreeMap<String, BigDecimal> revenueByCurrency = completed.stream().collect(Collectors.groupingBy(
                    Purchase::currency, TreeMap::new,
                    Collectors.reducing(BigDecimal.ZERO.setScale(2), Purchase::amount, BigDecimal::add)));
            rows.add(new CourseStats(
                    course.id(),
                    course.title(),
                    course.instructorId(),
                    course.categoryId(),
                    courseEnrollments.size(),
                    mean(ratings.stream().map(BigDecimal::valueOf).toList()),
                    ratings.size(),
                    mean(courseEnrollments.stream().map(Enrollment::progress).toList()),
                    courseCompletions.size(),
                    course.currency(),
                    revenueByCurrency.getOrDefault(course.currency(), BigDecimal.ZERO.setScale(2)),
                    revenueByCurrency,
                    completed.size()));
        }
        return rows;
    }

    /**
     * What the seed's one-query view reports as total_revenue: every completed purchase (in any
     * currency) once per combination of the course's enrollments, completions and lesson-progress
     * rows, that is, the true sum times the join's fan-out. Absent for a course with no completed
     * purchase (SUM over no rows is NULL).
     */
    Map<UUID, BigDecimal> seedRevenueByFanOut() {
        Map<UUID, BigDecimal> revenue = new TreeMap<>();
        for (Course course : publishedCourses()) {
            List<Purchase> completed = completedPurchases(course.id());
            if (completed.isEmpty()) {
                continue;
            }
            BigDecimal sum = completed.stream().map(Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            revenue.put(course.id(), sum.multiply(BigDecimal.valueOf(fanOut(course.id()))));
        }
        return revenue;
    }

    /** How many times the seed's joins repeat each purchase row of a course. */
    long fanOut(UUID course) {
        return Math.max(1, count(enrollments, e -> e.courseId().equals(course)))
                * Math.max(1, count(completions, c -> c.courseId().equals(course)))
                * Math.max(1, count(progress, p -> p.courseId().equals(course)));
    }

    List<Course> publishedCourses() {
        return courses.stream()
                .filter(course -> course.status().equals("published"))
                // As PostgreSQL orders uuids (unsigned bytes); UUID.compareTo compares signed longs.
                .sorted(Comparator.comparing(course -> course.id().toString()))
                .toList();
    }

    int enrollmentCount() {
        return enrollments.size();
    }

    int completionCount() {
        return completions.size();
    }

    int purchaseCount() {
        return purchases.size();
    }

    int progressCount() {
        return progress.size();
    }

    private List<Purchase> completedPurchases(UUID course) {
        return of(purchases, p -> p.courseId().equals(course) && p.status().equals("completed"));
    }

    /** The mean to two decimals, half up (as PostgreSQL rounds a numeric); null for no values. */
    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static <T> List<T> of(List<T> rows, Predicate<T> condition) {
        return rows.stream().filter(condition).toList();
    }

    private static <T> long count(List<T> rows, Predicate<T> condition) {
        return rows.stream().filter(condition).count();
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }
}
