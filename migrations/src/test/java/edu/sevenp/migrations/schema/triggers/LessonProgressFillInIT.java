package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lesson_progress row gets the columns that follow from the others: course, start, completion, percentage. */
@PostgresTest
class LessonProgressFillInIT {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    LessonProgressFillInIT(TestDatabase database) {
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
    void progressWithoutACourseGetsTheLessonsCourse() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);

        UUID progress = data.value("INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?) RETURNING id",
                UUID.class, data.user(), lesson);

        assertThat(data.value("SELECT course_id FROM lesson_progress WHERE id = ?", UUID.class, progress)).isEqualTo(course);
    }

    @Test
    void progressForAnUnknownLessonIsRejectedByTheLessonsForeignKey() {
        UUID learner = data.user();

        Rejection rejection = Rejection.of(() -> data.update(
                "INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?)", learner, UUID.randomUUID()));

        assertThat(rejection).isEqualTo(Rejection.foreignKey("lesson_progress_lesson_fkey"));
    }

    @Test
    void progressArrivingCompletedGetsItsCompletionTimeAndFullPercentage() throws SQLException {
        UUID lesson = data.lessons(data.course(), 1).get(0);
        UUID learner = data.user();
        connection.setAutoCommit(false);
        OffsetDateTime now = data.value("SELECT now()", OffsetDateTime.class);

        UUID progress = data.value("""
                INSERT INTO lesson_progress (user_id, lesson_id, status, progress_percentage)
                VALUES (?, ?, 'completed', 40) RETURNING id""", UUID.class, learner, lesson);
        connection.commit();

        assertThat(times(progress)).isEqualTo(new Times(now, now, new BigDecimal("100.00")));
    }

    @Test
    void offlineCompletionKeepsTheTimeTheClientRecorded() {
        UUID lesson = data.lessons(data.course(), 1).get(0);

        UUID progress = data.value("""
                INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at)
                VALUES (?, ?, 'completed', ?) RETURNING id""", UUID.class, data.user(), lesson, TUESDAY);

        assertThat(times(progress)).isEqualTo(new Times(TUESDAY, TUESDAY, new BigDecimal("100.00")));
    }

    @Test
    void startingALessonRecordsWhenItStarted() throws SQLException {
        UUID lesson = data.lessons(data.course(), 1).get(0);
        UUID progress = data.value("INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?) RETURNING id",
                UUID.class, data.user(), lesson);
        connection.setAutoCommit(false);
        OffsetDateTime now = data.value("SELECT now()", OffsetDateTime.class);

        data.update("UPDATE lesson_progress SET status = 'in_progress', progress_percentage = 10 WHERE id = ?", progress);
        connection.commit();

        assertThat(times(progress)).isEqualTo(new Times(now, null, new BigDecimal("10.00")));
    }

    @Test
    void anUpdateThatLeavesTheTimesOutKeepsTheRecordedOnes() {
        UUID lesson = data.lessons(data.course(), 1).get(0);
        UUID progress = data.value("""
                INSERT INTO lesson_progress (user_id, lesson_id, status, started_at, completed_at)
                VALUES (?, ?, 'completed', ?, ?) RETURNING id""", UUID.class, data.user(), lesson, MONDAY, TUESDAY);

        data.update("UPDATE lesson_progress SET status = 'completed', started_at = NULL, completed_at = NULL WHERE id = ?", progress);

        assertThat(times(progress)).isEqualTo(new Times(MONDAY, TUESDAY, new BigDecimal("100.00")));
    }

    private Times times(UUID progress) {
        return data.row("SELECT started_at, completed_at, progress_percentage FROM lesson_progress WHERE id = ?",
                row -> new Times(row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class),
                        row.getBigDecimal(3)),
                progress);
    }

    private record Times(OffsetDateTime startedAt, OffsetDateTime completedAt, BigDecimal percentage) {
    }
}
