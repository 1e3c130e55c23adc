package edu.sevenp.migrations.schema.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What deleting a row does to the rows that refer to it: each foreign key's ON DELETE is deliberate. */
@PostgresTest
class OnDeleteIT {

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    OnDeleteIT(TestDatabase database) {
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
    void deletingAnInstructorWithCoursesIsRefused() {
        UUID instructor = data.user();
        data.course(instructor);

        Rejection rejection = Rejection.of(() -> data.update("DELETE FROM users WHERE id = ?", instructor));

        assertThat(rejection).isEqualTo(Rejection.foreignKey("courses_instructor_fkey"));
    }

    @Test
    void deletingALessonRemovesItsProgressAndBookmarksButKeepsItsNotes() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        UUID learner = data.learnerIn(course);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?)", learner, lesson);
        data.update("INSERT INTO user_notes (user_id, lesson_id, course_id, content) VALUES (?, ?, ?, 'Remember')",
                learner, lesson, course);
        data.update("INSERT INTO user_bookmarks (user_id, lesson_id, course_id) VALUES (?, ?, ?)", learner, lesson, course);

        data.update("DELETE FROM course_lessons WHERE id = ?", lesson);

        // The note outlives its lesson, detached (V21; NotesOfRemovedLessonsIT).
        assertThat(remainsOf(lesson, course)).isEqualTo(new LessonRemains(0, 1, 0));
    }

    @Test
    void deletingACategoryLeavesItsCoursesWithoutOne() {
        UUID category = data.category();
        UUID course = data.course();
        data.update("UPDATE courses SET category_id = ? WHERE id = ?", category, course);

        data.update("DELETE FROM course_categories WHERE id = ?", category);

        assertThat(data.values("SELECT category_id FROM courses WHERE id = ?", UUID.class, course)).containsExactly((UUID) null);
    }

    @Test
    void deletingACategoryWithSubcategoriesIsRefused() {
        UUID parent = data.category();
        data.category(parent);

        Rejection rejection = Rejection.of(() -> data.update("DELETE FROM course_categories WHERE id = ?", parent));

        assertThat(rejection).isEqualTo(Rejection.foreignKey("course_categories_parent_id_fkey"));
    }

    @Test
    void deletingABuyerIsRefused() {
        UUID buyer = data.user();
        data.purchase(buyer, data.course(), "completed");

        Rejection rejection = Rejection.of(() -> data.update("DELETE FROM users WHERE id = ?", buyer));

        assertThat(rejection).isEqualTo(Rejection.foreignKey("course_purchases_user_id_fkey"));
    }

    @Test
    void deletingCoursesKeepsTheAchievementsEarnedInThem() {
        UUID learner = data.user();
        UUID first = data.course();
        UUID second = data.course();
        String earn = """
                INSERT INTO user_achievements (user_id, achievement_code, title, course_id)
                VALUES (?, 'course_finished', 'Course finished', ?)""";
        data.update(earn, learner, first);
        data.update(earn, learner, second);

        data.update("DELETE FROM courses WHERE id = ?", first);
        data.update("DELETE FROM courses WHERE id = ?", second);

        assertThat(data.values("SELECT course_id FROM user_achievements WHERE user_id = ?",
                UUID.class, learner)).containsExactlyInAnyOrder(first, second);
    }

    private LessonRemains remainsOf(UUID lesson, UUID course) {
        return data.row("""
                SELECT (SELECT count(*) FROM lesson_progress WHERE lesson_id = ?),
                       (SELECT count(*) FROM user_notes WHERE course_id = ?),
                       (SELECT count(*) FROM user_bookmarks WHERE lesson_id = ?)""",
                row -> new LessonRemains(row.getLong(1), row.getLong(2), row.getLong(3)), lesson, course, lesson);
    }

    private record LessonRemains(long progress, long notes, long bookmarks) {
    }
}
