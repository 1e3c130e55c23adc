package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * courses.enrollment_count is kept incrementally and counts the enrollments that are not 'dropped'.
 */
@PostgresTest
class EnrollmentCountIT {

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    EnrollmentCountIT(TestDatabase database) {
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
    void enrollingCountsTheLearner() {
        UUID course = data.course();

        data.learnerIn(course);
        data.learnerIn(course);

        assertThat(enrollmentCount(course)).isEqualTo(2);
    }

    @Test
    void deletingAnEnrollmentUncountsTheLearner() {
        UUID course = data.course();
        UUID leaving = data.learnerIn(course);
        data.learnerIn(course);

        data.update("DELETE FROM enrollments WHERE user_id = ? AND course_id = ?", leaving, course);

        assertThat(enrollmentCount(course)).isEqualTo(1);
    }

    @Test
    void enrollmentMovedToAnotherCourseMovesTheCount() {
        UUID from = data.course();
        UUID to = data.course();
        UUID learner = data.learnerIn(from);
        data.learnerIn(from);

        data.update("UPDATE enrollments SET course_id = ? WHERE user_id = ? AND course_id = ?", to, learner, from);

        assertThat(List.of(enrollmentCount(from), enrollmentCount(to))).containsExactly(1, 1);
    }

    @Test
    void droppingOutUncountsTheLearner() {
        UUID course = data.course();
        UUID learner = data.learnerIn(course);

        data.update("UPDATE enrollments SET status = 'dropped' WHERE user_id = ? AND course_id = ?", learner, course);

        assertThat(enrollmentCount(course)).isZero();
    }

    @Test
    void rejoiningCountsTheLearnerAgain() {
        UUID course = data.course();
        UUID learner = data.learnerIn(course);
        data.update("UPDATE enrollments SET status = 'dropped' WHERE user_id = ? AND course_id = ?", learner, course);

        data.update("UPDATE enrollments SET status = 'active' WHERE user_id = ? AND course_id = ?", learner, course);

        assertThat(enrollmentCount(course)).isEqualTo(1);
    }

    @Test
    void droppedEnrollmentCountsNowhereWhenMoved() {
        UUID from = data.course();
        UUID to = data.course();
        UUID learner = data.user();
        data.update("INSERT INTO enrollments (user_id, course_id, status) VALUES (?, ?, 'dropped')", learner, from);

        data.update("UPDATE enrollments SET course_id = ? WHERE user_id = ?", to, learner);

        assertThat(List.of(enrollmentCount(from), enrollmentCount(to))).containsExactly(0, 0);
    }

    @Test
    void completedAndExpiredLearnersStayCounted() {
        UUID course = data.course();
        UUID finishing = data.learnerIn(course);
        UUID expiring = data.learnerIn(course);

        data.update("UPDATE enrollments SET status = 'completed', completed_at = now() WHERE user_id = ?", finishing);
        data.update("UPDATE enrollments SET status = 'expired' WHERE user_id = ?", expiring);

        assertThat(enrollmentCount(course)).isEqualTo(2);
    }

    @Test
    void deletingALearnerUncountsTheirEnrollments() {
        UUID course = data.course();
        UUID learner = data.learnerIn(course);

        data.update("DELETE FROM users WHERE id = ?", learner);

        assertThat(enrollmentCount(course)).isZero();
    }

    @Test
    void twoLearnersEnrollingAtOnceAreBothCounted() throws Exception {
        UUID course = data.course();
        UUID first = data.user();
        UUID second = data.user();
        String enroll = "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)";

        try (Connection firstSession = database.superuser().getConnection();
             SecondSession secondSession = new SecondSession(database.superuser())) {
            firstSession.setAutoCommit(false);
            new TestData(firstSession).update(enroll, first, course);
            CompletableFuture<Integer> secondEnrollment = secondSession.start(enroll, second, course);
            secondSession.awaitBlocked();
            firstSession.commit();
            secondEnrollment.get(20, TimeUnit.SECONDS);
        }

        assertThat(enrollmentCount(course)).isEqualTo(2);
    }

    private int enrollmentCount(UUID course) {
        return data.value("SELECT enrollment_count FROM courses WHERE id = ?", Integer.class, course);
    }
}
