package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A note outlives its lesson (V21, issue 11): removing a lesson, as a republish does, detaches its notes instead
 * of deleting them, keeps the lesson's title with them, and tells devices so as an update. Progress and bookmarks
 * still go with the lesson.
 */
@PostgresTest
class NotesOfRemovedLessonsIT {

    private static RlsFixture fixture;
    private static RequestSession session;

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    NotesOfRemovedLessonsIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void loadFixture(TestDatabase database) throws SQLException {
        fixture = RlsFixture.load(database);
        session = RequestSession.open(database);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
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
    void removingALessonKeepsItsNotesWithItsTitleAndDropsProgressAndBookmarks() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        String title = data.value("SELECT title FROM course_lessons WHERE id = ?", String.class, lesson);
        UUID learner = data.learnerIn(course);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?)", learner, lesson);
        UUID note = note(learner, lesson, course);
        data.update("INSERT INTO user_bookmarks (user_id, lesson_id, course_id) VALUES (?, ?, ?)", learner, lesson, course);

        data.update("DELETE FROM course_lessons WHERE id = ?", lesson);

        assertThat(noteRow(note)).isEqualTo(new NoteRow(null, course, title, "Remember", 2));
        assertThat(data.value("""
                SELECT (SELECT count(*) FROM lesson_progress WHERE lesson_id = ?)
                     + (SELECT count(*) FROM user_bookmarks WHERE lesson_id = ?)""", Long.class, lesson, lesson))
                .isZero();
    }

    @Test
    void theDetachedNoteReachesDevicesAsAnUpdateNeverAsATombstone() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        UUID learner = data.learnerIn(course);
        UUID note = note(learner, lesson, course);

        data.update("DELETE FROM course_lessons WHERE id = ?", lesson);

        assertThat(data.values("SELECT operation FROM sync_changes WHERE entity = 'user_notes' AND entity_id = ? ORDER BY id",
                String.class, note)).containsExactly("U", "U");
    }

    @Test
    void removingASectionKeepsTheNotesOfItsLessons() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        UUID note = note(data.learnerIn(course), lesson, course);

        data.update("DELETE FROM course_sections WHERE id = (SELECT section_id FROM course_lessons WHERE id = ?)", lesson);

        assertThat(noteRow(note).lessonId()).isNull();
    }

    @Test
    void deletingTheWholeCourseDeletesItsNotes() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        UUID note = note(data.learnerIn(course), lesson, course);

        data.update("DELETE FROM courses WHERE id = ?", course);

        assertThat(data.values("SELECT id FROM user_notes WHERE id = ?", UUID.class, note)).isEmpty();
    }

    @Test
    void aNoteIsOnALessonOrFromARemovedOneNeverNeither() {
        UUID course = data.course();
        UUID lesson = data.lessons(course, 1).get(0);
        UUID learner = data.learnerIn(course);

        Rejection neither = Rejection.of(() -> data.update(
                "INSERT INTO user_notes (user_id, course_id, content) VALUES (?, ?, 'Lost')", learner, course));
        Rejection both = Rejection.of(() -> data.update("""
                INSERT INTO user_notes (user_id, lesson_id, course_id, content, removed_lesson_title)
                VALUES (?, ?, ?, 'Twice', 'Old title')""", learner, lesson, course));

        assertThat(List.of(neither, both)).containsOnly(Rejection.check("note_on_lesson_or_from_removed_one"));
    }

    @Test
    void anInstructorRemovingALessonDetachesTheLearnersNotesTheyCannotSee() throws SQLException {
        List<String> seen = session.as(fixture.id("I1"), request -> {
            assertThat(execute(request, "DELETE FROM course_lessons WHERE id = ?", fixture.id("paid.body"))).isEqualTo(1);
            actAs(request, fixture.id("A"));
            return RequestSession.firstColumn(request,
                    "SELECT concat_ws('|', lesson_id, removed_lesson_title, content) FROM user_notes WHERE id = ?",
                    fixture.id("A.note"));
        });

        assertThat(seen).containsExactly("Joins|LEFT keeps the left side");
    }

    @Test
    void theLearnerStillEditsAndDeletesANoteFromARemovedLesson() throws SQLException {
        List<Integer> changed = session.as(fixture.id("I1"), request -> {
            execute(request, "DELETE FROM course_lessons WHERE id = ?", fixture.id("paid.body"));
            actAs(request, fixture.id("A"));
            return List.of(
                    execute(request, "UPDATE user_notes SET content = 'LEFT keeps every left row' WHERE id = ?",
                            fixture.id("A.note")),
                    execute(request, "DELETE FROM user_notes WHERE id = ?", fixture.id("A.note")));
        });

        assertThat(changed).containsExactly(1, 1);
    }

    @Test
    void aLearnerCannotMakeUpANoteFromARemovedLesson() throws SQLException {
        UUID learner = fixture.id("A");

        assertThat(session.write(learner, """
                INSERT INTO user_notes (user_id, course_id, content, removed_lesson_title) VALUES (?, ?, 'Made up', 'Joins')""",
                learner, fixture.id("paid"))).isEqualTo(Outcome.PRIV);
        assertThat(session.write(learner, "INSERT INTO user_notes (user_id, course_id, content) VALUES (?, ?, 'Made up')",
                learner, fixture.id("paid"))).isEqualTo(Outcome.CHECK);
        assertThat(session.write(learner, "UPDATE user_notes SET removed_lesson_title = 'Other' WHERE id = ?",
                fixture.id("A.note"))).isEqualTo(Outcome.PRIV);
    }

    @Test
    void aConflictCopyOfANoteFromARemovedLessonIsFromThatLessonToo() throws SQLException {
        List<String> copy = session.as(fixture.id("I1"), request -> {
            execute(request, "DELETE FROM course_lessons WHERE id = ?", fixture.id("paid.body"));
            actAs(request, fixture.id("A"));
            UUID id = UUID.randomUUID();
            execute(request, "INSERT INTO user_notes (id, user_id, course_id, content, conflict_of) VALUES (?, ?, ?, 'Lost text', ?)",
                    id, fixture.id("A"), fixture.id("paid"), fixture.id("A.note"));
            return RequestSession.firstColumn(request,
                    "SELECT concat_ws('|', lesson_id, removed_lesson_title) FROM user_notes WHERE id = ?", id);
        });

        assertThat(copy).containsExactly("Joins");
    }

    @Test
    void aNoteArrivingAfterItsLessonWasRemovedIsFromThatLessonWithTheTitleItLastPublishedWith() throws SQLException {
        UUID removedLesson = UUID.randomUUID();
        data.update("""
                INSERT INTO content_versions (content_id, content_type, version_number, content_data)
                VALUES (?, 'course', 1, jsonb_build_object('manifest', jsonb_build_object('sections', jsonb_build_array(
                    jsonb_build_object('lessons', jsonb_build_array(jsonb_build_object('id', ?::text, 'title', 'Old title'))))))),
                       (?, 'course', 2, jsonb_build_object('manifest', jsonb_build_object('sections', jsonb_build_array(
                    jsonb_build_object('lessons', jsonb_build_array(jsonb_build_object('id', ?::text, 'title', 'Anti joins')))))))""",
                fixture.id("paid"), removedLesson, fixture.id("paid"), removedLesson);
        String insert = "INSERT INTO user_notes (id, user_id, lesson_id, course_id, content) VALUES (?, ?, ?, ?, 'Offline')";

        List<String> kept = session.as(fixture.id("A"), request -> {
            UUID id = UUID.randomUUID();
            execute(request, insert, id, fixture.id("A"), removedLesson, fixture.id("paid"));
            return RequestSession.firstColumn(request,
                    "SELECT concat_ws('|', lesson_id, removed_lesson_title) FROM user_notes WHERE id = ?", id);
        });

        assertThat(kept).containsExactly("Anti joins");
        assertThat(session.write(fixture.id("A"), insert, UUID.randomUUID(), fixture.id("A"), UUID.randomUUID(),
                fixture.id("paid"))).as("a lesson the course never had").isNotEqualTo(Outcome.OK);
        assertThat(session.write(fixture.id("B"), insert, UUID.randomUUID(), fixture.id("B"), removedLesson,
                fixture.id("paid"))).as("a learner without access to the course").isEqualTo(Outcome.RLS);
    }

    private UUID note(UUID learner, UUID lesson, UUID course) {
        return data.value("INSERT INTO user_notes (user_id, lesson_id, course_id, content) VALUES (?, ?, ?, 'Remember') RETURNING id",
                UUID.class, learner, lesson, course);
    }

    private NoteRow noteRow(UUID note) {
        return data.row("SELECT lesson_id, course_id, removed_lesson_title, content, row_version FROM user_notes WHERE id = ?",
                row -> new NoteRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getString(4), row.getLong(5)), note);
    }

    private static void actAs(Connection request, UUID user) throws SQLException {
        try (PreparedStatement set = request.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
            set.setString(1, user.toString());
            set.execute();
        }
    }

    private static int execute(Connection request, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = RequestSession.prepare(request, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private record NoteRow(UUID lessonId, UUID courseId, String removedLessonTitle, String content, long version) {
    }
}
