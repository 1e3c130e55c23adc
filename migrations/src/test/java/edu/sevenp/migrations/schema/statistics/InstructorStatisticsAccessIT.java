package edu.sevenp.migrations.schema.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.LearningData;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reads instructor_course_statistics (V17): an instructor their own courses while they hold an
 * active, unexpired instructor role, like every other instructor right (auth.has_role); an
 * administrator every course.
 */
@PostgresTest
class InstructorStatisticsAccessIT {

    private static UUID activeInstructor;
    private static UUID expiredInstructor;
    private static UUID admin;
    private static UUID activeCourse;
    private static UUID expiredCourse;
    private static UUID adminsOwnCourse;

    @BeforeAll
    static void publishCoursesAndRefresh(TestDatabase database) throws SQLException {
        try (LearningData data = LearningData.asSuperuser(database)) {
            activeInstructor = data.userWithRole("Active Instructor", "instructor");
            expiredInstructor = data.user("Former Instructor");
            data.execute("""
                    INSERT INTO user_roles (user_id, role_id, assigned_at, expires_at)
                    SELECT ?, id, now() - interval '1 year', now() - interval '1 day' FROM roles WHERE name = 'instructor'""",
                    expiredInstructor);
            admin = data.userWithRole("Administrator", "admin");
            activeCourse = data.course(activeInstructor).create();
            expiredCourse = data.course(expiredInstructor).create();
            // An administrator who is named as a course's instructor without holding the instructor role.
            adminsOwnCourse = data.course(admin).create();
        }
        try (Connection owner = database.owner().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("REFRESH MATERIALIZED VIEW course_statistics");
        }
    }

    @Test
    void anInstructorWhoseRoleExpiredReadsNoStatistics(TestDatabase database) throws SQLException {
        assertThat(statisticsSeenBy(database, expiredInstructor)).isEmpty();
    }

    @Test
    void anActiveInstructorReadsTheirOwnCourses(TestDatabase database) throws SQLException {
        assertThat(statisticsSeenBy(database, activeInstructor)).containsExactly(activeCourse);
    }

    @Test
    void anAdministratorReadsEveryCourseTheirOwnIncluded(TestDatabase database) throws SQLException {
        assertThat(statisticsSeenBy(database, admin))
                .containsExactlyInAnyOrder(activeCourse, expiredCourse, adminsOwnCourse);
    }

    @Test
    void theInstructorsLookupStaysAnIndexScanWithTheRoleCheckedOnce(TestDatabase database) throws SQLException {
        String plan = RequestRole.asUser(database, activeInstructor, connection -> {
            try (Statement statement = connection.createStatement()) {
                // Three rows would be scanned whatever the view says; the point is whether it can use the index.
                statement.execute("SET LOCAL enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT * FROM instructor_course_statistics")) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            }
        });

        // The role check is an InitPlan gating the branch (a One-Time Filter), not a filter on each row.
        assertThat(plan).contains("idx_course_statistics_instructor")
                .contains("Index Cond: (instructor_id = $0)").contains("One-Time Filter");
    }

    private static List<UUID> statisticsSeenBy(TestDatabase database, UUID user) throws SQLException {
        return RequestRole.asUser(database, user, connection -> {
            // A list, not a set: a course seen twice (through both branches of the view) must show.
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM instructor_course_statistics");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
