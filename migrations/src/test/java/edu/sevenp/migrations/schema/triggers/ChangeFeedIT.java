package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every insert, real update and delete of a syncable row appends to sync_changes, naming whose row it is
 * (user-owned rows) or which course it belongs to (catalog rows), so that a pull can find it.
 */
@PostgresTest
class ChangeFeedIT {

    private static final String INSERTED_OR_UPDATED = "U";
    private static final String DELETED = "D";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    ChangeFeedIT(TestDatabase database) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("syncableTables")
    void recordsInsertUpdateAndDeleteOfEverySyncableRow(Syncable table) {
        Written row = table.create().apply(data);

        data.update(table.update(), row.id());
        data.update(table.delete(), row.id());

        Change inserted = new Change(row.user(), row.course(), table.name(), INSERTED_OR_UPDATED);
        assertThat(changes(row.id())).containsExactly(inserted, inserted,
                new Change(row.user(), row.course(), table.name(), DELETED));
    }

    @Test
    void theFeedCoversExactlyTheSyncableTables() {
        // media_files has a trigger function of its own (V17): its audience depends on its visibility.
        List<String> tables = data.values("""
                SELECT tgrelid::regclass::text FROM pg_trigger
                WHERE tgfoid IN ('record_sync_change'::regproc, 'record_media_sync_change'::regproc) ORDER BY 1""",
                String.class);

        assertThat(tables).containsExactlyElementsOf(syncableTables().map(Syncable::name).sorted().toList());
    }

    @Test
    void writingTheSameValuesAgainRecordsNothing() {
        UUID course = data.course();
        UUID learner = data.user();
        UUID enrollment = data.enrollment(learner, course);

        data.update("UPDATE enrollments SET status = 'active', progress = 0 WHERE id = ?", enrollment);

        assertThat(changes(enrollment)).containsExactly(new Change(learner, course, "enrollments", INSERTED_OR_UPDATED));
    }

    @Test
    void enrollmentMovedToAnotherCourseIsATombstoneForTheOldCourse() {
        UUID from = data.course();
        UUID to = data.course();
        UUID learner = data.user();
        UUID enrollment = data.enrollment(learner, from);

        data.update("UPDATE enrollments SET course_id = ? WHERE id = ?", to, enrollment);

        assertThat(changes(enrollment)).containsExactly(
                new Change(learner, from, "enrollments", INSERTED_OR_UPDATED),
                new Change(learner, from, "enrollments", DELETED),
                new Change(learner, to, "enrollments", INSERTED_OR_UPDATED));
    }

    @Test
    void statisticsAloneDoNotSendTheCourseToEveryLearner() {
        UUID course = data.course();

        data.learnerIn(course);
        data.completion(data.user(), course, 5);

        assertThat(changes(course)).containsExactly(new Change(null, course, "courses", INSERTED_OR_UPDATED));
    }

    @Test
    void questionsDeletedWithTheirQuizTravelAsTheQuizsTombstone() {
        UUID course = data.course();
        UUID quiz = data.quiz(course, null);
        UUID question = data.question(quiz);

        data.update("DELETE FROM course_quizzes WHERE id = ?", quiz);

        assertThat(List.of(changes(quiz), changes(question))).containsExactly(
                List.of(new Change(null, course, "course_quizzes", INSERTED_OR_UPDATED),
                        new Change(null, course, "course_quizzes", DELETED)),
                List.of(new Change(null, course, "quiz_questions", INSERTED_OR_UPDATED)));
    }

    @Test
    void aPrivateUploadIsItsUploadersChange() {
        UUID uploader = data.user();

        UUID upload = media(uploader, null, "private");

        assertThat(changes(upload)).containsExactly(new Change(uploader, null, "media_files", INSERTED_OR_UPDATED));
    }

    @Test
    void aPrivateFileOfACourseIsStillItsUploadersChange() {
        UUID course = data.course();
        UUID uploader = data.user();

        UUID upload = media(uploader, course, "private");

        assertThat(changes(upload)).containsExactly(new Change(uploader, null, "media_files", INSERTED_OR_UPDATED));
    }

    @Test
    void aPrivateUploadMovedIntoACourseIsATombstoneForTheUploaderAndNewToTheCourse() {
        UUID course = data.course();
        UUID uploader = data.user();
        UUID upload = media(uploader, null, "private");

        data.update("UPDATE media_files SET course_id = ?, visibility = 'course_only' WHERE id = ?", course, upload);

        assertThat(changes(upload)).containsExactly(
                new Change(uploader, null, "media_files", INSERTED_OR_UPDATED),
                new Change(uploader, null, "media_files", DELETED),
                new Change(null, course, "media_files", INSERTED_OR_UPDATED));
    }

    @Test
    void aCourseFileMadePrivateAgainIsATombstoneForTheCourseAndNewToTheUploader() {
        UUID course = data.course();
        UUID uploader = data.user();
        UUID upload = media(uploader, course, "course_only");

        data.update("UPDATE media_files SET visibility = 'private' WHERE id = ?", upload);
        data.update("UPDATE media_files SET course_id = NULL WHERE id = ?", upload);

        assertThat(changes(upload)).containsExactly(
                new Change(null, course, "media_files", INSERTED_OR_UPDATED),
                new Change(null, course, "media_files", DELETED),
                new Change(uploader, null, "media_files", INSERTED_OR_UPDATED),
                new Change(uploader, null, "media_files", INSERTED_OR_UPDATED));
    }

    @Test
    void aPrivateUploadDeletedIsATombstoneForItsUploaderOnly() {
        UUID uploader = data.user();
        UUID upload = media(uploader, null, "private");

        data.update("DELETE FROM media_files WHERE id = ?", upload);

        assertThat(changes(upload)).containsExactly(
                new Change(uploader, null, "media_files", INSERTED_OR_UPDATED),
                new Change(uploader, null, "media_files", DELETED));
    }

    @Test
    void rewritingAMediaFileWithTheSameValuesRecordsNothing() {
        UUID uploader = data.user();
        UUID upload = media(uploader, null, "private");

        data.update("UPDATE media_files SET visibility = 'private', course_id = NULL WHERE id = ?", upload);

        assertThat(changes(upload)).containsExactly(new Change(uploader, null, "media_files", INSERTED_OR_UPDATED));
    }

    private UUID media(UUID uploader, UUID course, String visibility) {
        return data.value("""
                INSERT INTO media_files (user_id, course_id, filename, original_filename, file_path, file_size, mime_type,
                                         file_hash, visibility)
                VALUES (?, ?, 'clip.mp4', 'Clip.mp4', '/media/clip.mp4', 1024, 'video/mp4', repeat('cd', 32), ?)
                RETURNING id""", UUID.class, uploader, course, visibility);
    }

    private List<Change> changes(UUID entity) {
        return data.rows("SELECT user_id, course_id, entity, operation FROM sync_changes WHERE entity_id = ? ORDER BY id",
                row -> new Change(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4)),
                entity);
    }

    static Stream<Syncable> syncableTables() {
        return Stream.of(
                // A learner's own rows: user_id set, course_id where the row has one.
                new Syncable("enrollments", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    return new Written(data.enrollment(user, course), user, course);
                }, "UPDATE enrollments SET status = 'expired' WHERE id = ?", "DELETE FROM enrollments WHERE id = ?"),
                new Syncable("lesson_progress", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    UUID lesson = data.lessons(course, 1).get(0);
                    return new Written(data.value("INSERT INTO lesson_progress (user_id, lesson_id) VALUES (?, ?) RETURNING id",
                            UUID.class, user, lesson), user, course);
                }, "UPDATE lesson_progress SET last_position = 42 WHERE id = ?", "DELETE FROM lesson_progress WHERE id = ?"),
                new Syncable("quiz_attempts", data -> {
                    UUID user = data.user();
                    UUID quiz = data.quiz(data.course(), null);
                    return new Written(data.value("INSERT INTO quiz_attempts (quiz_id, user_id) VALUES (?, ?) RETURNING id",
                            UUID.class, quiz, user), user, null);
                }, "UPDATE quiz_attempts SET time_taken = 60 WHERE id = ?", "DELETE FROM quiz_attempts WHERE id = ?"),
                new Syncable("course_completions", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    return new Written(data.completion(user, course, null), user, course);
                }, "UPDATE course_completions SET review = 'Clear and short' WHERE id = ?",
                        "DELETE FROM course_completions WHERE id = ?"),
                new Syncable("user_achievements", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    return new Written(data.value("""
                            INSERT INTO user_achievements (user_id, achievement_code, title, course_id)
                            VALUES (?, 'first_lesson', 'First lesson', ?) RETURNING id""", UUID.class, user, course), user, course);
                }, "UPDATE user_achievements SET title = 'The first step' WHERE id = ?",
                        "DELETE FROM user_achievements WHERE id = ?"),
                new Syncable("user_notes", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    UUID lesson = data.lessons(course, 1).get(0);
                    return new Written(data.value("""
                            INSERT INTO user_notes (user_id, lesson_id, course_id, content) VALUES (?, ?, ?, 'Remember this')
                            RETURNING id""", UUID.class, user, lesson, course), user, course);
                }, "UPDATE user_notes SET content = 'Remember that' WHERE id = ?", "DELETE FROM user_notes WHERE id = ?"),
                new Syncable("user_bookmarks", data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    UUID lesson = data.lessons(course, 1).get(0);
                    return new Written(data.value("""
                            INSERT INTO user_bookmarks (user_id, lesson_id, course_id, timestamp_in_video) VALUES (?, ?, ?, 90)
                            RETURNING id""", UUID.class, user, lesson, course), user, course);
                }, "UPDATE user_bookmarks SET title = 'The example' WHERE id = ?", "DELETE FROM user_bookmarks WHERE id = ?"),
                new Syncable("user_preferences", data -> {
                    UUID user = data.user();
                    return new Written(data.value("""
                            INSERT INTO user_preferences (user_id, category, key, value) VALUES (?, 'player', 'speed', '1.5')
                            RETURNING id""", UUID.class, user), user, null);
                }, "UPDATE user_preferences SET value = '2.0' WHERE id = ?", "DELETE FROM user_preferences WHERE id = ?"),
                // The catalog: user_id NULL, course_id the course it belongs to.
                new Syncable("courses", data -> {
                    UUID course = data.course();
                    return new Written(course, null, course);
                }, "UPDATE courses SET title = 'Java in a week' WHERE id = ?", "DELETE FROM courses WHERE id = ?"),
                new Syncable("course_sections", data -> {
                    UUID course = data.course();
                    return new Written(data.section(course), null, course);
                }, "UPDATE course_sections SET title = 'Basics' WHERE id = ?", "DELETE FROM course_sections WHERE id = ?"),
                new Syncable("course_lessons", data -> {
                    UUID course = data.course();
                    return new Written(data.lessons(course, 1).get(0), null, course);
                }, "UPDATE course_lessons SET title = 'Variables' WHERE id = ?", "DELETE FROM course_lessons WHERE id = ?"),
                new Syncable("course_resources", data -> {
                    UUID course = data.course();
                    return new Written(data.value("""
                            INSERT INTO course_resources (course_id, title, file_url) VALUES (?, 'Slides', 'https://cdn.example.org/s.pdf')
                            RETURNING id""", UUID.class, course), null, course);
                }, "UPDATE course_resources SET title = 'All slides' WHERE id = ?", "DELETE FROM course_resources WHERE id = ?"),
                new Syncable("course_quizzes", data -> {
                    UUID course = data.course();
                    return new Written(data.quiz(course, 3), null, course);
                }, "UPDATE course_quizzes SET title = 'Final exam' WHERE id = ?", "DELETE FROM course_quizzes WHERE id = ?"),
                new Syncable("quiz_questions", data -> {
                    UUID course = data.course();
                    return new Written(data.question(data.quiz(course, 3)), null, course);
                }, "UPDATE quiz_questions SET question_text = 'Is it false?' WHERE id = ?",
                        "DELETE FROM quiz_questions WHERE id = ?"),
                // A course's file (not a private one: those are their uploader's, see the media tests below).
                new Syncable("media_files", data -> {
                    UUID course = data.course();
                    return new Written(data.value("""
                            INSERT INTO media_files (course_id, filename, original_filename, file_path, file_size, mime_type, file_hash,
                                                     visibility)
                            VALUES (?, 'intro.mp4', 'Intro.mp4', '/media/intro.mp4', 1024, 'video/mp4', repeat('ab', 32), 'course_only')
                            RETURNING id""", UUID.class, course), null, course);
                }, "UPDATE media_files SET processing_status = 'completed' WHERE id = ?", "DELETE FROM media_files WHERE id = ?"),
                new Syncable("course_categories", data -> new Written(data.category(), null, null),
                        "UPDATE course_categories SET description = 'Everything about code' WHERE id = ?",
                        "DELETE FROM course_categories WHERE id = ?"),
                new Syncable("course_tags", data -> new Written(data.tag(), null, null),
                        "UPDATE course_tags SET name = concat(name, '-renamed') WHERE id = ?",
                        "DELETE FROM course_tags WHERE id = ?"));
    }

    /** A syncable table: how to write one row of it, returning what the feed should say, and how to change and delete it. */
    record Syncable(String name, Function<TestData, Written> create, String update, String delete) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Written(UUID id, UUID user, UUID course) {
    }

    private record Change(UUID user, UUID course, String entity, String operation) {
    }
}
