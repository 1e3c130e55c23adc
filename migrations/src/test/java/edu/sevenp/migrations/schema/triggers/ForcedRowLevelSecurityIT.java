package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers work when a learner fires them through the request role with row-level security forced
 * on every table, the owner included: what the SECURITY DEFINER functions write is allowed by V12's
 * owner policies alone.
 *
 * <p>This class stands in for V11 in its own database: it forces row-level security everywhere, lets the
 * owner read everything (as V11's owner_reads_all does), lets the request role write its user's own rows
 * and the catalog, and gives the owner nothing else.
 */
@PostgresTest
class ForcedRowLevelSecurityIT {

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    ForcedRowLevelSecurityIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void forceRowLevelSecurity(TestDatabase database) throws SQLException {
        try (Connection owner = database.owner().getConnection()) {
            TestData asOwner = new TestData(owner);
            asOwner.value("SELECT set_config('sevenp.test_request_role', ?, false)", String.class, PostgresCluster.REQUEST_ROLE);
            asOwner.update("""
                    DO $$
                    DECLARE
                      v_table REGCLASS;
                      v_learner TEXT := current_setting('sevenp.test_request_role');
                    BEGIN
                      FOR v_table IN
                        SELECT c.oid::REGCLASS FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                          AND c.relname <> 'flyway_schema_history'
                      LOOP
                        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', v_table);
                        EXECUTE format('CREATE POLICY test_owner_reads_all ON %s FOR SELECT TO CURRENT_USER USING (true)', v_table);
                        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I', v_table, v_learner);
                        -- current_user: the owner is a member of the request role, and these stand-in
                        -- policies must not apply to it, or they would hide a missing owner policy.
                        IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = v_table AND attname = 'user_id' AND NOT attisdropped) THEN
                          EXECUTE format('CREATE POLICY test_own_rows ON %s TO %I USING (current_user = %L AND user_id = auth.uid()) '
                                         'WITH CHECK (current_user = %L AND user_id = auth.uid())',
                                         v_table, v_learner, v_learner, v_learner);
                        ELSE
                          EXECUTE format('CREATE POLICY test_catalog ON %s TO %I USING (current_user = %L) WITH CHECK (current_user = %L)',
                                         v_table, v_learner, v_learner, v_learner);
                        END IF;
                      END LOOP;
                    END
                    $$""");
        }
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
    void aLearnerSeesOnlyTheirOwnEnrollments() throws SQLException {
        UUID course = data.course();
        data.learnerIn(course);
        UUID learner = data.learnerIn(course);

        List<UUID> visible = asUserReturning(learner, session ->
                session.values("SELECT user_id FROM enrollments WHERE course_id = ?", UUID.class, course));

        assertThat(visible).containsExactly(learner);
    }

    @Test
    void aLearnerEnrollingIsCounted() throws SQLException {
        UUID course = data.course();
        UUID learner = data.user();

        asUser(learner, session -> session.update("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", learner, course));

        assertThat(data.value("SELECT enrollment_count FROM courses WHERE id = ?", Integer.class, course)).isEqualTo(1);
    }

    @Test
    void aLearnerFinishingEveryLessonGetsOneCompletion() throws SQLException {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);

        asUser(learner, session -> {
            for (UUID lesson : lessons) {
                session.update("INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, 'completed')", learner, lesson);
            }
        });

        Outcome outcome = data.row("""
                SELECT e.progress, e.status,
                       (SELECT count(*) FROM course_completions cc WHERE cc.user_id = e.user_id AND cc.course_id = e.course_id),
                       (SELECT count(*) FROM sync_changes sc WHERE sc.user_id = e.user_id)
                FROM enrollments e WHERE e.user_id = ? AND e.course_id = ?""",
                row -> new Outcome(row.getBigDecimal(1), row.getString(2), row.getLong(3), row.getLong(4)), learner, course);
        // Changes: the enrollment (inserted, rolled up twice), two progress rows, the completion.
        assertThat(outcome).isEqualTo(new Outcome(new BigDecimal("100.00"), "completed", 1, 6));
    }

    @Test
    void aLearnerRatingACourseMovesItsAverage() throws SQLException {
        UUID course = data.course();
        UUID learner = data.learnerIn(course);
        data.completion(learner, course, null);

        asUser(learner, session -> session.update("UPDATE course_completions SET rating = 4 WHERE user_id = ?", learner));

        assertThat(data.value("SELECT average_rating FROM courses WHERE id = ?", BigDecimal.class, course))
                .isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void anInstructorAddingALessonLowersTheirLearnersProgress() throws SQLException {
        UUID instructor = data.user();
        UUID course = data.course(instructor);
        UUID section = data.section(course);
        UUID lesson = data.lesson(section);
        UUID learner = data.learnerIn(course);
        data.completedLesson(learner, lesson);

        asUser(instructor, session -> session.update("""
                INSERT INTO course_lessons (course_id, section_id, title, slug, order_index)
                VALUES (?, ?, 'Summary', 'summary', 2)""", course, section));

        assertThat(data.value("SELECT progress FROM enrollments WHERE user_id = ?", BigDecimal.class, learner))
                .isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void anInstructorTaggingACourseCountsTheTag() throws SQLException {
        UUID instructor = data.user();
        UUID course = data.course(instructor);
        UUID tag = data.tag();

        asUser(instructor, session -> session.update("INSERT INTO course_tag_mappings (course_id, tag_id) VALUES (?, ?)", course, tag));

        assertThat(data.value("SELECT usage_count FROM course_tags WHERE id = ?", Integer.class, tag)).isEqualTo(1);
    }

    /** Runs the statements in one transaction of the request role, as the server does for the user. */
    private void asUser(UUID user, Consumer<TestData> statements) throws SQLException {
        asUserReturning(user, session -> {
            statements.accept(session);
            return null;
        });
    }

    private <T> T asUserReturning(UUID user, Function<TestData, T> statements) throws SQLException {
        try (Connection request = database.request().getConnection()) {
            request.setAutoCommit(false);
            TestData session = new TestData(request);
            session.value("SELECT set_config('app.user_id', ?, true)", String.class, user.toString());
            T result = statements.apply(session);
            request.commit();
            return result;
        }
    }

    private record Outcome(BigDecimal progress, String status, long completions, long changes) {
    }
}
