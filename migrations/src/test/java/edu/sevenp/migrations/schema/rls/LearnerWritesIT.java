package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a learner may not do to their own rows: raise their progress, grade their attempts, give
 * themselves a role, or change their account's standing. Those columns belong to triggers, the
 * server's grading and administrators.
 */
@PostgresTest
class LearnerWritesIT {

    private static RlsFixture fixture;
    private static RequestSession session;
    private static UUID learner;

    @BeforeAll
    static void loadFixture(TestDatabase database) throws SQLException {
        fixture = RlsFixture.load(database);
        session = RequestSession.open(database);
        learner = fixture.id("A");
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void learnerCannotRaiseTheirOwnEnrollmentProgress() throws SQLException {
        for (String sql : List.of(
                "UPDATE enrollments SET progress = 100 WHERE id = ?",
                "UPDATE enrollments SET completed_at = now() WHERE id = ?",
                "UPDATE enrollments SET last_accessed_at = now() WHERE id = ?")) {
            assertThat(session.write(learner, sql, fixture.id("A@paid"))).as(sql).isEqualTo(Outcome.PRIV);
        }
    }

    @Test
    void learnerDropsAndResumesButCannotCompleteTheirEnrollment() throws SQLException {
        String setStatus = "UPDATE enrollments SET status = ? WHERE id = ?";

        assertThat(session.write(learner, setStatus, "dropped", fixture.id("A@paid"))).isEqualTo(Outcome.OK);
        assertThat(session.write(learner, setStatus, "active", fixture.id("A@paid"))).isEqualTo(Outcome.OK);
        assertThat(session.write(learner, setStatus, "completed", fixture.id("A@paid"))).isEqualTo(Outcome.RLS);
        assertThat(session.write(learner, setStatus, "expired", fixture.id("A@paid"))).isEqualTo(Outcome.RLS);
    }

    @Test
    void learnerCannotScoreOrGradeTheirOwnAttempt() throws SQLException {
        UUID attempt = fixture.id("A@graded#1");

        for (String sql : List.of(
                "UPDATE quiz_attempts SET score = 10, max_score = 10 WHERE id = ?",
                "UPDATE quiz_attempts SET percentage = 100 WHERE id = ?",
                "UPDATE quiz_attempts SET passed = TRUE WHERE id = ?")) {
            assertThat(session.write(learner, sql, attempt)).as(sql).isEqualTo(Outcome.PRIV);
        }
        assertThat(session.write(learner, "UPDATE quiz_attempts SET status = 'graded' WHERE id = ?", attempt))
                .isEqualTo(Outcome.RLS);
    }

    @Test
    void learnerCannotStartAnAttemptThatIsAlreadyGraded() throws SQLException {
        UUID quiz = fixture.id("paid.graded");

        assertThat(session.write(learner,
                "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number, status) VALUES (?, ?, 2, 'graded')", quiz, learner))
                .isEqualTo(Outcome.RLS);
        assertThat(session.write(learner,
                "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number, score, max_score) VALUES (?, ?, 2, 10, 10)",
                quiz, learner))
                .isEqualTo(Outcome.PRIV);
    }

    @Test
    void submittedAttemptIsNoLongerTheLearnersToChange() throws SQLException {
        UUID attempt = fixture.id("A@graded#1");

        List<Outcome> outcomes = session.as(learner, connection -> List.of(
                update(connection, "UPDATE quiz_attempts SET status = 'submitted' WHERE id = ?", attempt),
                update(connection, "UPDATE quiz_attempts SET responses = '{\"q1\": \"INNER\"}' WHERE id = ?", attempt)));

        assertThat(outcomes).containsExactly(Outcome.OK, Outcome.HIDDEN);
    }

    @Test
    void learnerCannotAttemptAQuizMoreOftenThanAllowed() throws SQLException {
        String attempt = "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, ?)";

        assertThat(session.write(learner, attempt, fixture.id("paid.graded"), learner, 3)).isEqualTo(Outcome.OK);
        // V12's trigger refuses first, naming the limit; the policy would refuse too.
        assertThat(session.write(learner, attempt, fixture.id("paid.graded"), learner, 4)).isEqualTo(Outcome.CHECK);
        assertThat(session.write(learner, attempt, fixture.id("paid.retired"), learner, 1))
                .as("an inactive quiz").isEqualTo(Outcome.CHECK);
    }

    /**
     * V12's trigger explained the attempt limit before row-level security refused the row, so a learner
     * with no access to a quiz learned its limit. Since V17 it refuses first, the way the policy would.
     */
    @Test
    void aLearnerWithoutAccessToAQuizLearnsNothingAboutIt() throws SQLException {
        UUID outsider = fixture.id("B");
        String attempt99 = "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, 99)";

        for (String quiz : List.of("paid.graded", "paid.retired")) {
            SQLException refused = refusal(outsider, attempt99, fixture.id(quiz), outsider);

            assertThat(refused.getSQLState()).as(quiz).isEqualTo("42501");
            assertThat(refused.getMessage()).as(quiz)
                    .contains("new row violates row-level security policy for table \"quiz_attempts\"")
                    .doesNotContain("allows", "attempt(s)", "active", fixture.id(quiz).toString());
        }
    }

    @Test
    void aLearnerCannotStartAnAttemptInSomeoneElsesName() throws SQLException {
        SQLException refused = refusal(learner, "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, 99)",
                fixture.id("paid.graded"), fixture.id("B"));

        assertThat(refused.getSQLState()).isEqualTo("42501");
        assertThat(refused.getMessage()).doesNotContain("allows");
    }

    @Test
    void anEntitledLearnerOverTheLimitIsStillToldTheLimit() throws SQLException {
        UUID quiz = fixture.id("paid.graded");

        SQLException refused = refusal(learner, "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, 99)",
                quiz, learner);

        assertThat(Rejection.of(() -> {
            throw refused;
        })).isEqualTo(Rejection.check("quiz_attempt_limit"));
        assertThat(refused.getMessage()).contains("quiz " + quiz + " allows 3 attempt(s); attempt 99 is refused");
    }

    @Test
    void learnerCannotForgeARole() throws SQLException {
        String grant = "INSERT INTO user_roles (user_id, role_id, assigned_by) VALUES (?, ?, ?)";

        for (String role : List.of("role:admin", "role:instructor")) {
            assertThat(session.write(learner, grant, learner, fixture.id(role), learner)).as(role).isEqualTo(Outcome.RLS);
            assertThat(session.write(learner, grant, learner, fixture.id(role), fixture.id("ADM"))).as(role).isEqualTo(Outcome.RLS);
        }
        assertThat(session.write(learner, "UPDATE user_roles SET role_id = ? WHERE id = ?", fixture.id("role:admin"),
                fixture.id("A:learner"))).isEqualTo(Outcome.PRIV);
        assertThat(session.column(learner, "SELECT auth.has_role('admin')::text")).containsExactly("false");
    }

    @Test
    void learnerCannotChangeTheirAccountsStandingOrSignInIdentity() throws SQLException {
        for (String sql : List.of(
                "UPDATE users SET status = 'active' WHERE id = ?",
                "UPDATE users SET email_verified = TRUE WHERE id = ?",
                "UPDATE users SET phone_verified = TRUE WHERE id = ?",
                "UPDATE users SET email = 'new@rls.test' WHERE id = ?",
                "UPDATE users SET last_login_at = now() WHERE id = ?")) {
            assertThat(session.write(learner, sql, learner)).as(sql).isEqualTo(Outcome.PRIV);
        }
        assertThat(session.write(learner, "UPDATE users SET name = 'Ana' WHERE id = ?", learner)).isEqualTo(Outcome.OK);
    }

    /**
     * V11 granted UPDATE on the encrypted columns because V15's setters ran as the caller; a learner could
     * then store any bytes there, skipping the setters' validation (valid_phone). Since V17 the setters are
     * SECURITY DEFINER and the only writers of these columns.
     */
    @Test
    void learnerCannotWriteRawBytesIntoTheirEncryptedColumns() throws SQLException {
        for (String sql : List.of(
                "UPDATE users SET phone_encrypted = '\\x00' WHERE id = ?",
                "UPDATE users SET date_of_birth_encrypted = '\\x00' WHERE id = ?")) {
            assertThat(session.write(learner, sql, learner)).as(sql).isEqualTo(Outcome.PRIV);
        }
        assertThat(session.write(learner, "UPDATE user_addresses SET encrypted_details = '\\x00' WHERE id = ?",
                fixture.id("A.billing"))).isEqualTo(Outcome.PRIV);
        assertThat(session.write(learner,
                "INSERT INTO user_addresses (user_id, type, city, encrypted_details) VALUES (?, 'shipping', 'Braga', '\\x00')",
                learner)).isEqualTo(Outcome.PRIV);
        assertThat(session.write(learner, "INSERT INTO user_addresses (user_id, type, city) VALUES (?, 'shipping', 'Braga')",
                learner)).as("an address without details, which set_address_details() then fills").isEqualTo(Outcome.OK);
    }

    @Test
    void onlyAnAdministratorChangesAnAccountsStatus() throws SQLException {
        String suspend = "SELECT admin_set_user_status(?, 'suspended')";

        assertThatThrownBy(() -> session.column(learner, suspend, fixture.id("B")))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        List<String> profileAfterSuspension = session.as(fixture.id("ADM"), connection -> {
            RequestSession.firstColumn(connection, suspend, fixture.id("B"));
            return RequestSession.firstColumn(connection, "SELECT name FROM public_profiles WHERE id = ?", fixture.id("B"));
        });

        assertThat(profileAfterSuspension).as("a suspended user has no public profile").isEmpty();
    }

    @Test
    void learnerCannotSetTheCountersTriggersMaintain() throws SQLException {
        assertThat(session.write(learner, "UPDATE lesson_progress SET notes_count = 99 WHERE id = ?", fixture.id("A@paid.body")))
                .isEqualTo(Outcome.PRIV);
        assertThat(session.write(learner, "UPDATE lesson_progress SET progress_percentage = 80 WHERE id = ?",
                fixture.id("A@paid.body"))).isEqualTo(Outcome.OK);
    }

    @Test
    void revokedDeviceStaysRevoked() throws SQLException {
        UUID device = fixture.id("A.laptop");

        List<Outcome> outcomes = session.as(learner, connection -> List.of(
                update(connection, "UPDATE devices SET revoked_at = now() WHERE id = ?", device),
                update(connection, "UPDATE devices SET revoked_at = NULL WHERE id = ?", device)));

        assertThat(outcomes).containsExactly(Outcome.OK, Outcome.HIDDEN);
    }

    private static Outcome update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = RequestSession.prepare(connection, sql, parameters)) {
            return Outcome.ofCount(statement.executeUpdate());
        }
    }

    /** The error a statement of {@code user} ends with; fails if it succeeds. */
    private static SQLException refusal(UUID user, String sql, Object... parameters) throws SQLException {
        return session.as(user, connection -> {
            try (var statement = RequestSession.prepare(connection, sql, parameters)) {
                statement.executeUpdate();
            } catch (SQLException e) {
                return e;
            }
            throw new AssertionError("not refused: " + sql);
        });
    }
}
