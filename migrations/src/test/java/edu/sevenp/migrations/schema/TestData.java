package edu.sevenp.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Rows for schema tests, written through one connection whose transactions the caller controls. Each
 * builder makes the smallest valid row, with unique names, and returns its id; every value travels as a
 * bind parameter. The query helpers do the same for the statements a test is about.
 */
public final class TestData {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    public TestData(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public Connection connection() {
        return connection;
    }

    // ---- people -------------------------------------------------------------------------------------

    public UUID user() {
        String name = unique("user");
        return id("INSERT INTO users (email, name) VALUES (?, ?) RETURNING id", name + "@example.org", name);
    }

    // ---- catalog ------------------------------------------------------------------------------------

    /** A draft course of a new instructor. */
    public UUID course() {
        return course(user());
    }

    public UUID course(UUID instructor) {
        String slug = unique("course");
        return id("INSERT INTO courses (title, slug, instructor_id) VALUES (?, ?, ?) RETURNING id", slug, slug, instructor);
    }

    /** A section at the end of the course. */
    public UUID section(UUID course) {
        return id("""
                INSERT INTO course_sections (course_id, title, order_index)
                SELECT ?, ?, coalesce(max(order_index), 0) + 1 FROM course_sections WHERE course_id = ?
                RETURNING id""", course, unique("section"), course);
    }

    /** A lesson at the end of the section. */
    public UUID lesson(UUID section) {
        String slug = unique("lesson");
        return id("""
                INSERT INTO course_lessons (course_id, section_id, title, slug, order_index)
                SELECT s.course_id, s.id, ?, ?,
                       (SELECT coalesce(max(l.order_index), 0) + 1 FROM course_lessons l WHERE l.section_id = s.id)
                FROM course_sections s WHERE s.id = ?
                RETURNING id""", slug, slug, section);
    }

    /** {@code count} lessons in a new section of the course, in order. */
    public List<UUID> lessons(UUID course, int count) {
        UUID section = section(course);
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lessons.add(lesson(section));
        }
        return List.copyOf(lessons);
    }

    public UUID category() {
        return category(null);
    }

    public UUID category(UUID parent) {
        String slug = unique("category");
        return id("INSERT INTO course_categories (name, slug, parent_id) VALUES (?, ?, ?) RETURNING id", slug, slug, parent);
    }

    public UUID tag() {
        String slug = unique("tag");
        return id("INSERT INTO course_tags (name, slug) VALUES (?, ?) RETURNING id", slug, slug);
    }

    /** A graded quiz of the whole course; {@code attemptsAllowed} null for unlimited. */
    public UUID quiz(UUID course, Integer attemptsAllowed) {
        return id("INSERT INTO course_quizzes (course_id, title, attempts_allowed) VALUES (?, ?, ?) RETURNING id",
                course, unique("quiz"), attemptsAllowed);
    }

    public UUID question(UUID quiz) {
        return id("""
                INSERT INTO quiz_questions (quiz_id, question_text, question_type, order_index)
                SELECT ?, 'Is it true?', 'true_false', coalesce(max(order_index), 0) + 1 FROM quiz_questions WHERE quiz_id = ?
                RETURNING id""", quiz, quiz);
    }

    // ---- learning records ---------------------------------------------------------------------------

    public UUID enrollment(UUID user, UUID course) {
        return id("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?) RETURNING id", user, course);
    }

    /** A new learner enrolled in the course; returns the learner. */
    public UUID learnerIn(UUID course) {
        UUID learner = user();
        enrollment(learner, course);
        return learner;
    }

    /** Marks the lesson completed for the user, as the player does when a lesson ends. */
    public UUID completedLesson(UUID user, UUID lesson) {
        return id("INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, 'completed') RETURNING id",
                user, lesson);
    }

    public UUID completion(UUID user, UUID course, Integer rating) {
        return id("INSERT INTO course_completions (user_id, course_id, rating) VALUES (?, ?, ?) RETURNING id",
                user, course, rating);
    }

    // ---- commerce -----------------------------------------------------------------------------------

    public UUID plan() {
        return id("INSERT INTO subscription_plans (name, price, billing_interval) VALUES (?, 9.99, 'monthly') RETURNING id",
                unique("plan"));
    }

    /** An active subscription for the month starting now. */
    public UUID subscription(UUID user, UUID plan) {
        return id("""
                INSERT INTO subscriptions (user_id, plan_id, status, current_period_start, current_period_end)
                VALUES (?, ?, 'active', now(), now() + interval '1 month') RETURNING id""", user, plan);
    }

    public UUID purchase(UUID user, UUID course, String status) {
        return id("INSERT INTO course_purchases (user_id, course_id, amount, status) VALUES (?, ?, 49.00, ?) RETURNING id",
                user, course, status);
    }

    // ---- statements ---------------------------------------------------------------------------------

    /** Runs an insert, update or delete; returns the number of rows it touched. */
    public int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataException(sql, e);
        }
    }

    /**
     * Runs statements with every trigger off, foreign keys included (superuser only): for a test that
     * needs a row the triggers would never let exist, such as a backdated updated_at.
     */
    public void withoutTriggers(Runnable statements) {
        update("SET session_replication_role = replica");
        try {
            statements.run();
        } finally {
            update("RESET session_replication_role");
        }
    }

    /** The single value of a query that returns exactly one row. */
    public <T> T value(String sql, Class<T> type, Object... parameters) {
        return row(sql, result -> result.getObject(1, type), parameters);
    }

    /** The first column of every row. */
    public <T> List<T> values(String sql, Class<T> type, Object... parameters) {
        return rows(sql, result -> result.getObject(1, type), parameters);
    }

    /** The one row of a query that returns exactly one row. */
    public <T> T row(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = rows(sql, mapper, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row but got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    public <T> List<T> rows(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet result = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(mapper.map(result));
            }
            return rows;
        } catch (SQLException e) {
            throw new DataException(sql, e);
        }
    }

    private UUID id(String sql, Object... parameters) {
        return value(sql, UUID.class, parameters);
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A statement failed; the cause is the driver's exception, with the SQLState and constraint. */
    public static final class DataException extends RuntimeException {
        DataException(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql.strip() + "]", cause);
        }

        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
