package edu.sevenp.server.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Courses written beneath the API (as the superuser, the way a publish would leave them), for tests of what
 * learners do with them: one section of lessons, a graded quiz with a server-side key, and a practice quiz.
 */
public final class Catalog {

    /** The ids of a course made here. */
    public record Course(UUID id, UUID section, List<UUID> lessons, UUID gradedQuiz, List<UUID> gradedQuestions,
            UUID practiceQuiz, UUID practiceQuestion) {
        public UUID lesson(int index) {
            return lessons.get(index);
        }
    }

    private final DataSource superuser;

    public Catalog(DataSource superuser) {
        this.superuser = superuser;
    }

    /** A published free course of {@code lessons} lessons; the graded quiz allows 2 attempts in 10 minutes. */
    public Course freeCourse(UUID instructor, String slug, int lessons) {
        return course(instructor, slug, lessons, null);
    }

    /** A published paid course. */
    public Course paidCourse(UUID instructor, String slug, int lessons, BigDecimal price) {
        return course(instructor, slug, lessons, price);
    }

    private Course course(UUID instructor, String slug, int lessonCount, BigDecimal price) {
        UUID course = UUID.randomUUID();
        UUID section = UUID.randomUUID();
        try (Connection connection = superuser.getConnection()) {
            update(connection, "INSERT INTO courses (id, title, slug, instructor_id, status, published_at, is_free, price)"
                    + " VALUES (?, ?, ?, ?, 'published', now(), ?, ?)", course, "Course " + slug, slug, instructor,
                    price == null, price == null ? BigDecimal.ZERO : price);
            update(connection, "INSERT INTO course_sections (id, course_id, title, order_index) VALUES (?, ?, 'Basics', 1)",
                    section, course);
            List<UUID> lessons = new ArrayList<>();
            for (int i = 1; i <= lessonCount; i++) {
                UUID lesson = UUID.randomUUID();
                update(connection, "INSERT INTO course_lessons (id, course_id, section_id, title, slug, content, content_type,"
                        + " order_index) VALUES (?, ?, ?, ?, ?, ?, 'text', ?)", lesson, course, section, "Lesson " + i,
                        "lesson-" + i, "# Lesson " + i + "\n\nBody of lesson " + i + ".", i);
                lessons.add(lesson);
            }
            UUID graded = UUID.randomUUID();
            update(connection, "INSERT INTO course_quizzes (id, course_id, title, quiz_mode, time_limit, attempts_allowed,"
                    + " passing_score) VALUES (?, ?, 'Final exam', 'graded', 10, 2, 50)", graded, course);
            List<UUID> questions = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            update(connection, "INSERT INTO quiz_questions (id, quiz_id, question_text, question_type, order_index, options,"
                    + " correct_answer, points) VALUES (?, ?, 'Which join keeps unmatched rows?', 'multiple_choice', 1,"
                    + " '[\"INNER\", \"LEFT\", \"CROSS\"]', '\"LEFT\"', 2)", questions.get(0), graded);
            update(connection, "INSERT INTO quiz_questions (id, quiz_id, question_text, question_type, order_index,"
                    + " correct_answer, points) VALUES (?, ?, 'NULL = NULL is true.', 'true_false', 2, 'false', 1)",
                    questions.get(1), graded);
            update(connection, "INSERT INTO quiz_questions (id, quiz_id, question_text, question_type, order_index,"
                    + " correct_answer, points) VALUES (?, ?, 'Name the join of every pair.', 'short_answer', 3,"
                    + " '[\"cross join\", \"cartesian product\"]', 1)", questions.get(2), graded);
            UUID practice = UUID.randomUUID();
            UUID practiceQuestion = UUID.randomUUID();
            update(connection, "INSERT INTO course_quizzes (id, course_id, lesson_id, title, quiz_mode) VALUES (?, ?, ?,"
                    + " 'Check yourself', 'practice')", practice, course, lessons.get(0));
            update(connection, "INSERT INTO quiz_questions (id, quiz_id, question_text, question_type, order_index,"
                    + " correct_answer, explanation) VALUES (?, ?, 'A primary key may be NULL.', 'true_false', 1, 'false',"
                    + " 'Keys identify rows.')", practiceQuestion, practice);
            return new Course(course, section, List.copyOf(lessons), graded, questions, practice, practiceQuestion);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An active category; {@code parent} may be null. */
    public UUID category(String slug, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO course_categories (id, slug, name, parent_id) VALUES (?, ?, ?, ?)", id, slug, name, parent);
        return id;
    }

    /** A media file of the course that travels with it (course_only), of {@code bytes} bytes; returns its id. */
    public UUID media(UUID course, UUID uploader, long bytes) {
        UUID id = UUID.randomUUID();
        String hex = id.toString().replace("-", "");
        String hash = hex + hex;
        execute("INSERT INTO media_files (id, user_id, course_id, filename, original_filename, file_path, file_size, mime_type,"
                + " file_hash, visibility) VALUES (?, ?, ?, 'f.mp4', 'f.mp4', ?, ?, 'video/mp4', ?, 'course_only')", id, uploader,
                course, "media/" + hash, bytes, hash);
        return id;
    }

    /** A resource of the course: a stored media file ({@code mediaFile}) or an outside one (null). */
    public void resource(UUID course, long bytes, UUID mediaFile) {
        execute("INSERT INTO course_resources (course_id, media_file_id, title, file_url, file_size) VALUES (?, ?, 'Slides',"
                + " 'https://example.org/slides.pdf', ?)", course, mediaFile, bytes);
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = superuser.getConnection()) {
            update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
