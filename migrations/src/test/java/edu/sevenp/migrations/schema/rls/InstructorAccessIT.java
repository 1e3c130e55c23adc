package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instructor edits their own courses, and only while they hold the instructor role; they cannot
 * give a course away, delete it once published, or set the statistics that triggers maintain.
 */
@PostgresTest
class InstructorAccessIT {

    private static RlsFixture fixture;
    private static RequestSession session;
    private static UUID instructor;

    @BeforeAll
    static void loadFixture(TestDatabase database) throws SQLException {
        fixture = RlsFixture.load(database);
        session = RequestSession.open(database);
        instructor = fixture.id("I1");
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void instructorCannotDeleteTheirPublishedCourse() throws SQLException {
        assertThat(session.write(instructor, "DELETE FROM courses WHERE id = ?", fixture.id("paid"))).isEqualTo(Outcome.HIDDEN);
        assertThat(session.write(instructor, "DELETE FROM courses WHERE id = ?", fixture.id("draft"))).isEqualTo(Outcome.OK);
    }

    @Test
    void instructorCannotHandTheirCourseToSomeoneElseButAnAdministratorCan() throws SQLException {
        String reassign = "UPDATE courses SET instructor_id = ? WHERE id = ?";

        assertThat(session.write(instructor, reassign, fixture.id("I2"), fixture.id("paid"))).isEqualTo(Outcome.RLS);
        assertThat(session.write(fixture.id("ADM"), reassign, fixture.id("I2"), fixture.id("paid"))).isEqualTo(Outcome.OK);
    }

    @Test
    void instructorCreatesCoursesOnlyInTheirOwnName() throws SQLException {
        String create = "INSERT INTO courses (title, slug, instructor_id) VALUES ('Mine?', 'mine', ?)";

        assertThat(session.write(instructor, create, fixture.id("I2"))).isEqualTo(Outcome.RLS);
        assertThat(session.write(instructor, create, instructor)).isEqualTo(Outcome.OK);
    }

    @Test
    void nobodyThroughTheRequestRoleSetsTheStatisticsTriggersMaintain() throws SQLException {
        for (String sql : List.of(
                "UPDATE courses SET enrollment_count = 1000 WHERE id = ?",
                "UPDATE courses SET average_rating = 5 WHERE id = ?",
                "UPDATE courses SET review_count = 1000 WHERE id = ?",
                "UPDATE courses SET completion_rate = 100 WHERE id = ?")) {
            assertThat(session.write(instructor, sql, fixture.id("paid"))).as(sql).isEqualTo(Outcome.PRIV);
            assertThat(session.write(fixture.id("ADM"), sql, fixture.id("paid"))).as(sql).isEqualTo(Outcome.PRIV);
        }
    }

    @Test
    void instructorWhoseRoleExpiredNoLongerSeesOrEditsTheirDrafts() throws SQLException {
        UUID former = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        fixture.commitAsSuperuser("INSERT INTO users (id, email, name) VALUES (?, ?, 'Former instructor')", former,
                former + "@rls.test");
        fixture.commitAsSuperuser("""
                INSERT INTO user_roles (user_id, role_id, assigned_at, expires_at)
                VALUES (?, ?, now() - interval '1 year', now() - interval '1 day')""", former, fixture.id("role:instructor"));
        fixture.commitAsSuperuser("INSERT INTO courses (id, title, slug, instructor_id) VALUES (?, 'Old draft', ?, ?)",
                draft, "draft-" + draft, former);

        assertThat(session.column(former, "SELECT title FROM courses WHERE id = ?", draft)).isEmpty();
        assertThat(session.write(former, "UPDATE courses SET title = 'Revived' WHERE id = ?", draft)).isEqualTo(Outcome.HIDDEN);
    }
}
