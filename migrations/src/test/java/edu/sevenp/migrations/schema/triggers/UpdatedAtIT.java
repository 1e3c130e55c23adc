package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** updated_at moves when a row really changes, and only then. */
@PostgresTest
class UpdatedAtIT {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2020-01-01T00:00:00Z");

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    UpdatedAtIT(TestDatabase database) {
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
    void editingARowMovesUpdatedAtToTheTimeOfTheEdit() throws SQLException {
        UUID user = data.user();
        data.withoutTriggers(() -> data.update("UPDATE users SET updated_at = ? WHERE id = ?", LONG_AGO, user));
        connection.setAutoCommit(false);
        OffsetDateTime now = data.value("SELECT now()", OffsetDateTime.class);

        data.update("UPDATE users SET name = 'Ana' WHERE id = ?", user);
        connection.commit();

        assertThat(data.value("SELECT updated_at FROM users WHERE id = ?", OffsetDateTime.class, user)).isEqualTo(now);
    }

    @Test
    void writingTheSameValuesAgainKeepsUpdatedAt() {
        UUID user = data.user();
        data.withoutTriggers(() -> data.update("UPDATE users SET name = 'Ana', updated_at = ? WHERE id = ?", LONG_AGO, user));

        data.update("UPDATE users SET name = 'Ana' WHERE id = ?", user);

        assertThat(data.value("SELECT updated_at FROM users WHERE id = ?", OffsetDateTime.class, user)).isEqualTo(LONG_AGO);
    }

    @Test
    void reSavingALessonKeepsUpdatedAtDespiteItsGeneratedSearchDocument() {
        UUID lesson = data.lessons(data.course(), 1).get(0);
        data.withoutTriggers(() -> data.update(
                "UPDATE course_lessons SET title = 'Variables', updated_at = ? WHERE id = ?", LONG_AGO, lesson));

        data.update("UPDATE course_lessons SET title = 'Variables' WHERE id = ?", lesson);

        assertThat(data.value("SELECT updated_at FROM course_lessons WHERE id = ?", OffsetDateTime.class, lesson))
                .isEqualTo(LONG_AGO);
    }

    @Test
    void enrollingInACourseIsNoEditOfTheCourse() {
        UUID course = data.course();
        data.withoutTriggers(() -> data.update("UPDATE courses SET updated_at = ? WHERE id = ?", LONG_AGO, course));

        data.learnerIn(course);

        CourseStamp stamp = data.row("SELECT enrollment_count, updated_at FROM courses WHERE id = ?",
                row -> new CourseStamp(row.getInt(1), row.getObject(2, OffsetDateTime.class)), course);

        assertThat(stamp).isEqualTo(new CourseStamp(1, LONG_AGO));
    }

    @Test
    void everyTableWithUpdatedAtHasTheTrigger() {
        String tablesWithTheColumn = """
                SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at' AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition""";
        String tablesWithTheTrigger = """
                SELECT string_agg(t.tgrelid::regclass::text, ', ' ORDER BY t.tgrelid::regclass::text)
                FROM pg_trigger t
                WHERE t.tgname = 'touch_updated_at' AND t.tgfoid = 'touch_updated_at'::regproc""";

        String expected = data.value(tablesWithTheColumn, String.class);

        assertThat(data.value(tablesWithTheTrigger, String.class)).isEqualTo(expected).contains("courses", "lesson_progress");
    }

    private record CourseStamp(int enrollmentCount, OffsetDateTime updatedAt) {
    }
}
