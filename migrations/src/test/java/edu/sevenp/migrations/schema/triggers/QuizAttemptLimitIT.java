package edu.sevenp.migrations.schema.triggers;

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

/** The server enforces course_quizzes.attempts_allowed (NULL: unlimited) and is_active. */
@PostgresTest
class QuizAttemptLimitIT {

    private static final String ATTEMPT = "INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number) VALUES (?, ?, ?)";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    QuizAttemptLimitIT(TestDatabase database) {
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
    void attemptsWithinTheLimitAreAccepted() {
        UUID quiz = data.quiz(data.course(), 2);
        UUID learner = data.user();

        int accepted = data.update(ATTEMPT, quiz, learner, 1) + data.update(ATTEMPT, quiz, learner, 2);

        assertThat(accepted).isEqualTo(2);
    }

    @Test
    void anAttemptBeyondTheLimitIsRejected() {
        UUID quiz = data.quiz(data.course(), 2);
        UUID learner = data.user();
        data.update(ATTEMPT, quiz, learner, 1);
        data.update(ATTEMPT, quiz, learner, 2);

        Rejection rejection = Rejection.of(() -> data.update(ATTEMPT, quiz, learner, 3));

        assertThat(rejection).isEqualTo(Rejection.check("quiz_attempt_limit"));
    }

    @Test
    void theRejectionNamesTheLimit() {
        UUID quiz = data.quiz(data.course(), 1);
        UUID learner = data.user();

        String message = Rejection.messageOf(() -> data.update(ATTEMPT, quiz, learner, 2));

        assertThat(message).isEqualTo("quiz " + quiz + " allows 1 attempt(s); attempt 2 is refused");
    }

    @Test
    void aQuizWithoutALimitAcceptsManyAttempts() {
        UUID quiz = data.quiz(data.course(), null);
        UUID learner = data.user();

        int accepted = 0;
        for (int attempt = 1; attempt <= 12; attempt++) {
            accepted += data.update(ATTEMPT, quiz, learner, attempt);
        }

        assertThat(accepted).isEqualTo(12);
    }

    @Test
    void anInactiveQuizAcceptsNoAttempt() {
        UUID quiz = data.quiz(data.course(), null);
        data.update("UPDATE course_quizzes SET is_active = FALSE WHERE id = ?", quiz);

        Rejection rejection = Rejection.of(() -> data.update(ATTEMPT, quiz, data.user(), 1));

        assertThat(rejection).isEqualTo(Rejection.check("quiz_attempt_needs_active_quiz"));
    }

    @Test
    void anAttemptWithoutANumberGetsTheNextOne() {
        UUID quiz = data.quiz(data.course(), 3);
        UUID learner = data.user();
        data.update(ATTEMPT, quiz, learner, 1);

        int number = data.value("INSERT INTO quiz_attempts (quiz_id, user_id) VALUES (?, ?) RETURNING attempt_number",
                Integer.class, quiz, learner);

        assertThat(number).isEqualTo(2);
    }

    @Test
    void renumberingAnAttemptBeyondTheLimitIsRejected() {
        UUID quiz = data.quiz(data.course(), 2);
        UUID learner = data.user();
        data.update(ATTEMPT, quiz, learner, 1);

        Rejection rejection = Rejection.of(() -> data.update(
                "UPDATE quiz_attempts SET attempt_number = 5 WHERE quiz_id = ? AND user_id = ?", quiz, learner));

        assertThat(rejection).isEqualTo(Rejection.check("quiz_attempt_limit"));
    }
}
