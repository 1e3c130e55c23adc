package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lesson progress moves its enrollment's last_accessed_at to the progress's own time, never backwards. */
@PostgresTest
class LastAccessIT {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    LastAccessIT(TestDatabase database) {
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
    void progressMovesTheLastAccessToTheTimeTheLearnerStudied() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);

        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, last_accessed_at) VALUES (?, ?, 'in_progress', ?)",
                learner, lessons.get(0), MONDAY);

        assertThat(lastAccess(learner, course)).isEqualTo(MONDAY);
    }

    @Test
    void progressUploadedLateDoesNotMoveTheLastAccessBack() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, last_accessed_at) VALUES (?, ?, 'in_progress', ?)",
                learner, lessons.get(0), TUESDAY);

        // An offline laptop uploads Monday's work on Wednesday.
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, last_accessed_at) VALUES (?, ?, 'in_progress', ?)",
                learner, lessons.get(1), MONDAY);
        data.update("UPDATE lesson_progress SET last_position = 30, last_accessed_at = ? WHERE user_id = ? AND lesson_id = ?",
                MONDAY, learner, lessons.get(0));

        assertThat(lastAccess(learner, course)).isEqualTo(TUESDAY);
    }

    @Test
    void completingALessonRecordsTheAccessToo() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);

        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, last_accessed_at) VALUES (?, ?, 'completed', ?)",
                learner, lessons.get(0), TUESDAY);

        assertThat(lastAccess(learner, course)).isEqualTo(TUESDAY);
    }

    @Test
    void progressInAnotherCourseLeavesThisEnrollmentAlone() {
        UUID course = data.course();
        UUID otherCourse = data.course();
        UUID otherLesson = data.lessons(otherCourse, 1).get(0);
        UUID learner = data.learnerIn(course);

        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, last_accessed_at) VALUES (?, ?, 'in_progress', ?)",
                learner, otherLesson, TUESDAY);

        assertThat(lastAccess(learner, course)).isNull();
    }

    private OffsetDateTime lastAccess(UUID user, UUID course) {
        return data.value("SELECT last_accessed_at FROM enrollments WHERE user_id = ? AND course_id = ?",
                OffsetDateTime.class, user, course);
    }
}
