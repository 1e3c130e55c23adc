package edu.sevenp.migrations.schema.rls;

import static edu.sevenp.migrations.testing.PostgresCluster.REQUEST_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * quiz_questions.correct_answer (and explanation, which gives the answer away) never reaches a
 * learner: not by naming the column, not by SELECT *, a whole-row value, a filter, a view or a
 * function. Only the course's instructor and administrators read a graded quiz's key; a practice
 * quiz's answers go to those entitled to its course.
 */
@PostgresTest
class AnswerKeyIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The functions the request role may call that read answer keys, each checked by a test below. */
    private static final List<String> ANSWER_KEY_FUNCTIONS = List.of("practice_quiz_answers", "quiz_answer_key",
            "quiz_grading_key");

    private static TestDatabase database;
    private static RlsFixture fixture;
    private static RequestSession session;

    @BeforeAll
    static void loadFixture(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        fixture = RlsFixture.load(testDatabase);
        session = RequestSession.open(testDatabase);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void entitledLearnerReadsQuestionsWithoutTheirAnswers() throws SQLException {
        List<String> questions = session.column(fixture.id("A"),
                "SELECT question_text || ' ' || options FROM quiz_questions WHERE quiz_id = ?", fixture.id("paid.graded"));

        assertThat(questions).containsExactly("Which join keeps unmatched left rows? [\"INNER\", \"LEFT\", \"CROSS\"]");
    }

    @Test
    void learnerCannotSelectTheAnswerOrExplanationColumns() {
        for (String sql : List.of(
                "SELECT correct_answer FROM quiz_questions WHERE quiz_id = ?",
                "SELECT explanation FROM quiz_questions WHERE quiz_id = ?",
                "SELECT * FROM quiz_questions WHERE quiz_id = ?",
                "SELECT to_jsonb(q) FROM quiz_questions q WHERE quiz_id = ?",
                "SELECT id FROM quiz_questions WHERE quiz_id = ? AND correct_answer = '\"LEFT\"'")) {
            assertRefused(() -> session.column(fixture.id("A"), sql, fixture.id("paid.graded")), sql);
        }
    }

    @Test
    void nothingTheRequestRoleMayReadIsBuiltOnTheAnswerColumns() throws SQLException {
        try (Connection owner = database.owner().getConnection()) {
            List<String> readableAnswerColumns = RequestSession.firstColumn(owner, """
                    SELECT c.relname || '.' || a.attname
                    FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND a.attnum > 0 AND NOT a.attisdropped
                      AND a.attname IN ('correct_answer', 'explanation')
                      AND has_column_privilege(?, c.oid, a.attnum, 'SELECT')
                    """, REQUEST_ROLE);
            // A view or materialized view could rename the column; its dependency on it cannot hide.
            List<String> readableViewsOnAnswers = RequestSession.firstColumn(owner, """
                    SELECT DISTINCT v.relname
                    FROM pg_depend d
                    JOIN pg_rewrite r ON r.oid = d.objid
                    JOIN pg_class v ON v.oid = r.ev_class
                    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_rewrite'::regclass
                      AND d.refobjid = 'quiz_questions'::regclass
                      AND a.attname IN ('correct_answer', 'explanation')
                      AND v.oid <> 'quiz_questions'::regclass
                      AND has_table_privilege(?, v.oid, 'SELECT')
                    """, REQUEST_ROLE);

            assertThat(readableAnswerColumns).isEmpty();
            assertThat(readableViewsOnAnswers).isEmpty();
        }
    }

    @Test
    void onlyTheKnownAnswerKeyFunctionsThatTheRequestRoleMayCallReadAnswers() throws SQLException {
        try (Connection owner = database.owner().getConnection()) {
            List<String> functions = RequestSession.firstColumn(owner, """
                    SELECT p.proname
                    FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND p.prosrc ~ 'quiz_questions' AND p.prosrc ~ '\\m(correct_answer|explanation)\\M'
                      AND has_function_privilege(?, p.oid, 'EXECUTE')
                    ORDER BY p.proname
                    """, REQUEST_ROLE);

            assertThat(functions).as("a new function that reads answer keys needs its own test here")
                    .containsExactlyElementsOf(ANSWER_KEY_FUNCTIONS);
        }
    }

    @Test
    void onlyTheCoursesInstructorAndAdministratorsReadTheAnswerKey() throws SQLException {
        String key = "SELECT question_id || ' ' || correct_answer || ' ' || explanation FROM quiz_answer_key(?)";
        String expected = fixture.id("graded.q1") + " \"LEFT\" LEFT JOIN keeps every left row.";

        assertThat(session.column(fixture.id("I1"), key, fixture.id("paid.graded"))).containsExactly(expected);
        assertThat(session.column(fixture.id("ADM"), key, fixture.id("paid.graded"))).containsExactly(expected);
        for (String learnerOrOther : List.of("A", "B", "I2")) {
            assertRefused(() -> session.column(fixture.id(learnerOrOther), key, fixture.id("paid.graded")), learnerOrOther);
        }
        assertRefused(() -> session.column(null, key, fixture.id("paid.graded")), "anonymous");
    }

    @Test
    void practiceAnswersGoOnlyToThoseEntitledAndOnlyForPracticeQuizzes() throws SQLException {
        String answers = "SELECT question_id || ' ' || correct_answer FROM practice_quiz_answers(?)";

        assertThat(session.column(fixture.id("A"), answers, fixture.id("paid.practice")))
                .containsExactly(fixture.id("practice.q1") + " true");
        assertRefused(() -> session.column(fixture.id("A"), answers, fixture.id("paid.graded")), "graded quiz");
        assertRefused(() -> session.column(fixture.id("B"), answers, fixture.id("paid.practice")), "not entitled");
        assertRefused(() -> session.column(null, answers, fixture.id("paid.practice")), "anonymous");
    }

    @Test
    void instructorWritesAnAnswerButReadsItBackOnlyThroughTheKey() throws SQLException {
        UUID instructor = fixture.id("I1");
        UUID question = fixture.id("graded.q1");

        List<String> keyAfterEdit = session.as(instructor, connection -> {
            try (var update = RequestSession.prepare(connection,
                    "UPDATE quiz_questions SET correct_answer = '\"INNER\"' WHERE id = ?", question)) {
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return RequestSession.firstColumn(connection, "SELECT correct_answer::text FROM quiz_answer_key(?)",
                    fixture.id("paid.graded"));
        });

        assertThat(keyAfterEdit).containsExactly("\"INNER\"");
        assertRefused(() -> session.column(instructor,
                "UPDATE quiz_questions SET correct_answer = '\"INNER\"' WHERE id = ? RETURNING correct_answer", question),
                "RETURNING correct_answer");
    }

    @Test
    void theServerReadsAGradedKeyOnlyForTheActingLearnersOwnSubmittedAttempt() throws SQLException {
        String key = "SELECT question_id || ' ' || correct_answer FROM quiz_grading_key(?)";
        Object attempt = fixture.id("A@graded#1");

        List<String> submitted = session.as(fixture.id("A"), connection -> {
            RequestSession.prepare(connection, "UPDATE quiz_attempts SET status = 'submitted' WHERE id = ?", attempt)
                    .executeUpdate();
            return RequestSession.firstColumn(connection, key, attempt);
        });

        assertThat(submitted).contains(fixture.id("graded.q1") + " \"LEFT\"");
        assertRefused(() -> session.column(fixture.id("A"), key, attempt), "A, attempt still in progress");
        assertRefused(() -> session.as(fixture.id("B"), connection -> {
            RequestSession.prepare(connection, "UPDATE quiz_attempts SET status = 'submitted' WHERE id = ?", attempt)
                    .executeUpdate();
            return RequestSession.firstColumn(connection, key, attempt);
        }), "B, A's attempt");
    }

    @Test
    void aGradeIsRecordedOnlyOnTheActingLearnersOwnSubmittedAttempt() throws SQLException {
        String grade = "SELECT record_quiz_grade(?, 1, 1, 100, true)";
        Object attempt = fixture.id("A@graded#1");

        assertRefused(() -> session.column(fixture.id("A"), grade, attempt), "A, attempt still in progress");
        assertRefused(() -> session.column(fixture.id("B"), grade, attempt), "B, A's attempt");
        List<String> graded = session.as(fixture.id("A"), connection -> {
            RequestSession.prepare(connection, "UPDATE quiz_attempts SET status = 'submitted' WHERE id = ?", attempt)
                    .executeUpdate();
            RequestSession.firstColumn(connection, grade, attempt);
            return RequestSession.firstColumn(connection, "SELECT status || ' ' || score FROM quiz_attempts WHERE id = ?",
                    attempt);
        });
        assertThat(graded).containsExactly("graded 1.00");
    }

    @Test
    void contentVersionsThatSnapshotAnswersStayWithTheInstructor() throws SQLException {
        List<String> seenByEntitledLearner = session.column(fixture.id("A"), "SELECT content_data::text FROM content_versions");

        assertThat(seenByEntitledLearner).isEmpty();
    }

    private interface SqlCall {
        Object call() throws SQLException;
    }

    private static void assertRefused(SqlCall call, String what) {
        assertThatThrownBy(call::call).as(what)
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(what + ": " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}
