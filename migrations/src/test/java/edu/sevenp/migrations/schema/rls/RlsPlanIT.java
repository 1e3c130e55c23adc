package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policies on the large learner tables can be answered from indexes, even when a query leaves
 * all filtering to them, and call the auth functions once per statement (an InitPlan), not per row.
 * Plans only: timings belong to the benchmark.
 */
@PostgresTest
class RlsPlanIT {

    private static RequestSession session;
    private static UUID learner;
    private static UUID instructor;

    @BeforeAll
    static void loadRows(TestDatabase database) throws SQLException, IOException {
        try (Connection superuser = database.superuser().getConnection(); Statement statement = superuser.createStatement();
                InputStream script = RlsPlanIT.class.getResourceAsStream("rls-plan-data.sql")) {
            statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            List<String> people = RequestSession.firstColumn(superuser, """
                    SELECT e.user_id || ' ' || c.instructor_id FROM enrollments e JOIN courses c ON c.id = e.course_id
                    ORDER BY e.user_id LIMIT 1""");
            String[] ids = people.get(0).split(" ");
            learner = UUID.fromString(ids[0]);
            instructor = UUID.fromString(ids[1]);
        }
        session = RequestSession.open(database);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void learnerReadsAllOwnProgressThroughIndexes() throws SQLException {
        String plan = plan(learner, "EXPLAIN SELECT * FROM lesson_progress");

        assertThat(plan).doesNotContain("Seq Scan").contains("Index Cond: (user_id = $0)").contains("InitPlan")
                .doesNotContain("auth.uid()");
    }

    @Test
    void instructorReadsProgressOfOwnCoursesThroughIndexes() throws SQLException {
        String plan = plan(instructor, "EXPLAIN SELECT * FROM lesson_progress");

        assertThat(plan).doesNotContain("Seq Scan").contains("Index Cond: (course_id = ANY ($1))");
    }

    @Test
    void learnerReadsOwnEnrollmentsThroughIndexes() throws SQLException {
        assertThat(plan(learner, "EXPLAIN SELECT * FROM enrollments")).doesNotContain("Seq Scan");
    }

    @Test
    void learnersProgressInOneCourseUsesTheUserCourseIndex() throws SQLException {
        String plan = plan(learner, "EXPLAIN SELECT * FROM lesson_progress WHERE user_id = auth.uid() AND course_id = ?",
                UUID.randomUUID());

        assertThat(plan).contains("idx_lesson_progress_user_course").doesNotContain("Seq Scan");
    }

    private static String plan(UUID user, String explain, Object... parameters) throws SQLException {
        return String.join("\n", session.column(user, explain, parameters));
    }
}
