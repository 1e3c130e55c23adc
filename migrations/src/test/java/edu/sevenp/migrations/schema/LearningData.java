package edu.sevenp.migrations.schema;

import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Test-data builder for users, catalog and learning records, written as the superuser so that it sits
 * beneath row-level security and needs no request-role privileges. Every value travels as a bind
 * parameter. Ids are made here (or given), so tests can name what they inserted.
 */
public final class LearningData implements AutoCloseable {

    private final Connection connection;
    private final Map<UUID, UUID> sectionOfCourse = new HashMap<>();
    private final Map<UUID, Integer> lessonsOfCourse = new HashMap<>();
    private int courses;

    private LearningData(Connection connection) {
        this.connection = connection;
    }

    public static LearningData asSuperuser(TestDatabase database) throws SQLException {
        return new LearningData(database.superuser().getConnection());
    }

    public UUID user(String name) throws SQLException {
        return user(UUID.randomUUID(), name);
    }

    public UUID user(UUID id, String name) throws SQLException {
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ".") + "." + id.toString().substring(0, 8)
                + "@example.org";
        execute("INSERT INTO users (id, email, name) VALUES (?, ?, ?)", id, email, name);
        return id;
    }

    /** A user holding an active role ({@code learner}, {@code instructor} or {@code admin}). */
    public UUID userWithRole(String name, String role) throws SQLException {
        UUID id = user(name);
        execute("INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?", id, role);
        return id;
    }

    public UUID category(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO course_categories (id, name, slug) VALUES (?, ?, ?)", id, name,
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        return id;
    }

    public CourseBuilder course(UUID instructor) {
        return new CourseBuilder(instructor);
    }

    /** A lesson of {@code course}, in the course's one section (made on first use). */
    public UUID lesson(UUID course) throws SQLException {
        UUID section = sectionOfCourse.get(course);
        if (section == null) {
            section = UUID.randomUUID();
            execute("INSERT INTO course_sections (id, course_id, title, order_index) VALUES (?, ?, 'Section', 1)",
                    section, course);
            sectionOfCourse.put(course, section);
        }
        int order = lessonsOfCourse.merge(course, 1, Integer::sum);
        UUID id = UUID.randomUUID();
        execute("INSERT INTO course_lessons (id, course_id, section_id, title, slug, order_index) VALUES (?, ?, ?, ?, ?, ?)",
                id, course, section, "Lesson " + order, "lesson-" + order, order);
        return id;
    }

    /**
     * An enrollment with exactly the given progress and last access; a {@code completed} one gets a
     * completion date, as its CHECK requires. Written like an operator's bulk load, with triggers off:
     * V12 would otherwise derive progress from lesson_progress rows this builder does not write.
     */
    public UUID enroll(UUID user, UUID course, String status, BigDecimal progress, OffsetDateTime lastAccessedAt)
            throws SQLException {
        UUID id = UUID.randomUUID();
        execute("SET session_replication_role = replica");
        try {
            execute("""
                    INSERT INTO enrollments (id, user_id, course_id, status, progress, last_accessed_at, completed_at)
                    VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? = 'completed' THEN now() END)""",
                    id, user, course, status, progress, lastAccessedAt, status);
        } finally {
            execute("SET session_replication_role = origin");
        }
        return id;
    }

    public UUID enroll(UUID user, UUID course) throws SQLException {
        return enroll(user, course, "active", BigDecimal.ZERO, null);
    }

    public void completion(UUID user, UUID course, Integer rating) throws SQLException {
        execute("INSERT INTO course_completions (user_id, course_id, rating) VALUES (?, ?, ?)", user, course, rating);
    }

    public void purchase(UUID user, UUID course, BigDecimal amount, String currency, String status) throws SQLException {
        execute("INSERT INTO course_purchases (user_id, course_id, amount, currency, status) VALUES (?, ?, ?, ?, ?)",
                user, course, amount, currency, status);
    }

    /** Progress on one lesson; {@code course} must be the lesson's course. */
    public void lessonProgress(UUID user, UUID lesson, UUID course, String status, BigDecimal percentage,
            int secondsSpent) throws SQLException {
        execute("""
                INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, progress_percentage, total_time_spent,
                                             completed_at)
                VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? = 'completed' THEN now() END)""",
                user, lesson, course, status, percentage, secondsSpent, status);
    }

    /** Any other statement, with bind parameters. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** A course; published unless told otherwise, free, in USD, with a unique title and slug. */
    public final class CourseBuilder {

        private final UUID instructor;
        private UUID id = UUID.randomUUID();
        private String title;
        private String slug;
        private UUID category;
        private String status = "published";
        private String difficulty = "beginner";
        private String currency = "USD";
        private OffsetDateTime publishedAt = OffsetDateTime.now();

        private CourseBuilder(UUID instructor) {
            this.instructor = instructor;
        }

        public CourseBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        public CourseBuilder title(String value) {
            this.title = value;
            return this;
        }

        public CourseBuilder slug(String value) {
            this.slug = value;
            return this;
        }

        public CourseBuilder category(UUID value) {
            this.category = value;
            return this;
        }

        public CourseBuilder status(String value) {
            this.status = value;
            return this;
        }

        public CourseBuilder difficulty(String value) {
            this.difficulty = value;
            return this;
        }

        public CourseBuilder currency(String value) {
            this.currency = value;
            return this;
        }

        public CourseBuilder publishedAt(OffsetDateTime value) {
            this.publishedAt = value;
            return this;
        }

        public UUID create() throws SQLException {
            courses++;
            String name = title != null ? title : "Course " + courses;
            String slugOrDefault = slug != null ? slug
                    : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + id.toString().substring(0, 8);
            execute("""
                    INSERT INTO courses (id, title, slug, instructor_id, category_id, status, difficulty, currency,
                                         published_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, name, slugOrDefault, instructor, category, status, difficulty, currency,
                    "draft".equals(status) ? null : publishedAt);
            return id;
        }
    }
}
