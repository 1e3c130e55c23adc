package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a long mixed workload, every value the triggers keep incrementally equals a brute-force
 * recount: enrollment counts, tag usage, ratings and enrollment progress.
 */
@PostgresTest
class CountersMatchARecountIT {

    private static final String[] STATUSES = {"active", "completed", "dropped", "expired"};

    private final TestDatabase database;
    private final Random random = new Random(20250303);
    private Connection connection;
    private TestData data;

    CountersMatchARecountIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = database.superuser().getConnection();
        data = new TestData(connection);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void everyKeptValueEqualsARecountAfterAMixedWorkload() {
        List<UUID> users = new ArrayList<>();
        List<UUID> courses = new ArrayList<>();
        List<UUID> tags = new ArrayList<>();
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(data.user());
        }
        for (int i = 0; i < 4; i++) {
            UUID course = data.course();
            courses.add(course);
            lessons.addAll(data.lessons(course, 3));
            tags.add(data.tag());
        }

        for (int step = 0; step < 600; step++) {
            UUID user = pick(users);
            UUID course = pick(courses);
            UUID lesson = pick(lessons);
            UUID otherCourse = pick(courses);
            switch (random.nextInt(12)) {
                case 0, 1 -> data.update("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?) ON CONFLICT DO NOTHING", user, course);
                case 2 -> data.update("""
                        UPDATE enrollments SET status = ?, completed_at = coalesce(completed_at, now())
                        WHERE user_id = ? AND course_id = ?""", pick(STATUSES), user, course);
                case 3 -> data.update("""
                        UPDATE enrollments SET course_id = ? WHERE user_id = ? AND course_id = ?
                          AND NOT EXISTS (SELECT 1 FROM enrollments WHERE user_id = ? AND course_id = ?)""",
                        otherCourse, user, course, user, otherCourse);
                case 4 -> data.update("DELETE FROM enrollments WHERE user_id = ? AND course_id = ?", user, course);
                case 5 -> data.update("INSERT INTO course_tag_mappings (course_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        course, pick(tags));
                case 6 -> data.update("DELETE FROM course_tag_mappings WHERE course_id = ? AND tag_id = ?", course, pick(tags));
                case 7, 8 -> data.update("""
                        INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, ?)
                        ON CONFLICT (user_id, lesson_id) DO UPDATE SET status = excluded.status""",
                        user, lesson, random.nextBoolean() ? "completed" : "in_progress");
                case 9 -> data.update("DELETE FROM lesson_progress WHERE user_id = ? AND lesson_id = ?", user, lesson);
                case 10 -> data.update("""
                        INSERT INTO course_completions (user_id, course_id, rating) VALUES (?, ?, ?)
                        ON CONFLICT (user_id, course_id) DO UPDATE SET rating = excluded.rating""",
                        user, course, random.nextInt(4) == 0 ? null : 1 + random.nextInt(5));
                default -> {
                    if (random.nextBoolean()) {
                        lessons.add(data.lesson(data.value("SELECT id FROM course_sections WHERE course_id = ? LIMIT 1",
                                UUID.class, course)));
                    } else if (lessons.size() > 4) {
                        UUID removed = lessons.remove(random.nextInt(lessons.size()));
                        data.update("DELETE FROM course_lessons WHERE id = ?", removed);
                    }
                }
            }
        }

        assertThat(disagreements()).isEmpty();
        assertThat(data.value("SELECT count(*) FROM enrollments WHERE status = 'completed'", Long.class)).isPositive();
    }

    /** Every kept value that differs from its recount, described; empty when all agree. */
    private List<String> disagreements() {
        return data.values("""
                SELECT 'enrollment_count of ' || c.id || ': ' || c.enrollment_count || ' <> ' || n
                FROM courses c, LATERAL (SELECT count(*) AS n FROM enrollments e WHERE e.course_id = c.id AND e.status <> 'dropped') r
                WHERE c.enrollment_count <> n
                UNION ALL
                SELECT 'usage_count of ' || t.id || ': ' || t.usage_count || ' <> ' || n
                FROM course_tags t, LATERAL (SELECT count(*) AS n FROM course_tag_mappings m WHERE m.tag_id = t.id) r
                WHERE t.usage_count <> n
                UNION ALL
                SELECT 'rating of ' || c.id || ': ' || c.review_count || '/' || c.rating_total || '/' || c.average_rating
                FROM courses c, LATERAL (SELECT count(rating) AS n, coalesce(sum(rating), 0) AS total
                                         FROM course_completions cc WHERE cc.course_id = c.id) r
                WHERE c.review_count <> r.n OR c.rating_total <> r.total
                   OR c.average_rating <> CASE WHEN r.n = 0 THEN 0 ELSE round(r.total::NUMERIC / r.n, 2) END
                UNION ALL
                SELECT 'progress of ' || e.id || ': ' || e.progress || ' ' || e.status
                FROM enrollments e,
                     LATERAL (SELECT count(*) AS n FROM course_lessons l WHERE l.course_id = e.course_id) lessons,
                     LATERAL (SELECT count(*) AS n FROM lesson_progress lp
                              WHERE lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.status = 'completed') done
                WHERE e.progress <> CASE WHEN lessons.n = 0 THEN 0
                                         WHEN done.n = lessons.n THEN 100
                                         ELSE least(round(100.0 * done.n / lessons.n, 2), 99.99) END
                   OR (lessons.n > 0 AND done.n = lessons.n AND e.status <> 'completed')""", String.class);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
