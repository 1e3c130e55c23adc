package edu.sevenp.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device's mirror after H2 V13: a note may outlive its lesson, detached with the lesson's title, as on the
 * server (PostgreSQL V21); a lesson still pointed at by a note cannot be deleted, so nothing cascades a note away.
 */
class H2NotesOfRemovedLessonsTest {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23513";

    private Connection connection;
    private final UUID instructor = UUID.randomUUID();
    private final UUID learner = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();
    private final UUID section = UUID.randomUUID();
    private final UUID lesson = UUID.randomUUID();

    @BeforeEach
    void migrate() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        connection = h2.getConnection();
        new Migrations(h2, Target.H2).migrate();
        update("INSERT INTO users (id, name) VALUES (?, 'Ines'), (?, 'Lena')", instructor, learner);
        update("INSERT INTO courses (id, title, slug, instructor_id) VALUES (?, 'Joins', 'joins', ?)", course, instructor);
        update("INSERT INTO course_sections (id, course_id, title, order_index) VALUES (?, ?, 'Basics', 1)", section, course);
        update("""
                INSERT INTO course_lessons (id, course_id, section_id, title, slug, order_index)
                VALUES (?, ?, ?, 'Outer joins', 'outer-joins', 1)""", lesson, course, section);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aLessonWithANoteIsNotDeletedUnderIt() throws SQLException {
        note(UUID.randomUUID());

        assertThatThrownBy(() -> update("DELETE FROM course_lessons WHERE id = ?", lesson))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
    }

    @Test
    void aDetachedNoteOutlivesItsLessonWithTheLessonsTitle() throws SQLException {
        UUID note = UUID.randomUUID();
        note(note);

        update("UPDATE user_notes SET lesson_id = NULL, removed_lesson_title = 'Outer joins' WHERE lesson_id = ?", lesson);
        update("DELETE FROM course_lessons WHERE id = ?", lesson);

        assertThat(text("SELECT removed_lesson_title FROM user_notes WHERE id = ? AND lesson_id IS NULL", note))
                .isEqualTo("Outer joins");
    }

    @Test
    void aNoteWithoutALessonNeedsTheRemovedLessonsTitle() {
        assertThatThrownBy(() -> update("INSERT INTO user_notes (id, user_id, course_id, content) VALUES (?, ?, ?, 'Lost')",
                UUID.randomUUID(), learner, course))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    }

    @Test
    void aNoteFromARemovedLessonGoesWithItsCourse() throws SQLException {
        UUID note = UUID.randomUUID();
        note(note);
        update("UPDATE user_notes SET lesson_id = NULL, removed_lesson_title = 'Outer joins' WHERE id = ?", note);
        update("DELETE FROM course_lessons WHERE id = ?", lesson);

        update("DELETE FROM courses WHERE id = ?", course);

        assertThat(text("SELECT CAST(count(*) AS VARCHAR) FROM user_notes WHERE id = ?", note)).isEqualTo("0");
    }

    private void note(UUID id) throws SQLException {
        update("INSERT INTO user_notes (id, user_id, lesson_id, course_id, content) VALUES (?, ?, ?, ?, 'Remember')",
                id, learner, lesson, course);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
