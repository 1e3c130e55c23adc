package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-importing a course: a newer version updates content in place and keeps the learner's records on
 * what survives; an equal or older version changes nothing. Learner rows are written here directly,
 * as the learning records' repositories will write them.
 */
class CourseReimportTest {

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("reimport-" + UUID.randomUUID());
    private PackageFixture fixture;
    private UUID courseId;
    private UUID learner;

    @BeforeEach
    void installVersionOne() {
        // Lessons 1.1, 1.2 and 1.3; a practice quiz on lesson 1.1, a graded one on 1.3, one for the course.
        fixture = PackageFixture.course("Evolving course", 1, 3);
        ObjectNode practice = fixture.addQuiz(fixture.lesson(0, 0), "Practice on 1.1", "practice");
        fixture.addChoiceQuestion(practice, "First?", "A", "B");
        fixture.addTrueFalseQuestion(practice, "Second?");
        fixture.addEssayQuestion(fixture.addQuiz(fixture.lesson(0, 2), "Graded on 1.3", "graded"), "Explain 1.3.");
        fixture.addEssayQuestion(fixture.addQuiz(null, "Final", "graded"), "Explain everything.");
        fixture.addResourceLink(fixture.lesson(0, 2), "Reading for 1.3", "https://example.org/1.3");
        fixture.addResourceFile(null, "Schema", "resources/schema.sql", bytes("CREATE TABLE a ();"), "application/sql");
        store.importer().importPackage(fixture.read(temp.resolve("v1")));
        courseId = UUID.fromString(fixture.course().get("id").asText());
        learner = store.identity().userId().value();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewerVersionKeepsLearnerRecordsOnSurvivingLessonsAndQuizzes() {
        UUID kept = lessonId(0);
        UUID dropped = lessonId(2);
        writeLearnerRecords(kept, quizId("Practice on 1.1"));
        writeLearnerRecords(dropped, quizId("Graded on 1.3"));
        Map<String, Result<Record>> onKeptLesson = learnerRows(kept, quizId("Practice on 1.1"));

        // Version 1.1: lesson 1.1 rewritten and moved after 1.2, lesson 1.3 and its quiz and reading gone.
        fixture.lesson(0, 0).put("title", "Lesson 1.1, revised").put("order", 2);
        fixture.lesson(0, 1).put("order", 1);
        fixture.file(fixture.lesson(0, 0).get("body").asText(), "# Revised\n");
        ((ArrayNode) fixture.section(0).get("lessons")).remove(2);
        ImportSummary summary = store.importer().importPackage(fixture.version("1.1.0").read(temp.resolve("v2")));

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.UPDATED);
        assertThat(learnerRows(kept, quizId("Practice on 1.1"))).isEqualTo(onKeptLesson);
        assertThat(learnerRows(dropped, UUID.randomUUID()).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(store.dsl().fetchCount(QUIZ_ATTEMPTS)).as("the attempt at the removed quiz went with it").isEqualTo(1);
        assertThat(store.dsl().select(COURSE_LESSONS.TITLE, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.CONTENT)
                .from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(kept)).fetchOne().intoList())
                .containsExactly("Lesson 1.1, revised", 2, "# Revised\n");
    }

    @Test
    void aNewerVersionKeepsTheNotesOfARemovedLessonDetachedWithItsTitle() {
        UUID dropped = lessonId(2);
        String title = fixture.lesson(0, 2).get("title").asText();
        writeLearnerRecords(dropped, quizId("Graded on 1.3"));

        ((ArrayNode) fixture.section(0).get("lessons")).remove(2);
        store.importer().importPackage(fixture.version("1.1.0").read(temp.resolve("v2")));

        assertThat(store.dsl().select(USER_NOTES.LESSON_ID, USER_NOTES.REMOVED_LESSON_TITLE, USER_NOTES.CONTENT)
                .from(USER_NOTES).fetch().map(Record::intoList))
                .containsExactly(Arrays.asList(null, title, "My note on " + dropped));
        assertThat(store.dsl().fetchCount(USER_BOOKMARKS) + store.dsl().fetchCount(LESSON_PROGRESS))
                .as("bookmarks and progress went with the lesson").isZero();
    }

    @Test
    void aNewerVersionUpdatesQuizzesQuestionsAndResourcesInPlace() {
        UUID practice = quizId("Practice on 1.1");
        writeLearnerRecords(lessonId(0), practice);
        ObjectNode practiceQuiz = (ObjectNode) fixture.lesson(0, 0).get("quizzes").get(0);
        ArrayNode questions = (ArrayNode) practiceQuiz.get("questions");
        // The two questions swap places, the first gets a new text; the final quiz gains a question.
        ((ObjectNode) questions.get(0)).put("order", 2).put("text", "First, reworded?");
        ((ObjectNode) questions.get(1)).put("order", 1);
        fixture.addEssayQuestion((ObjectNode) fixture.manifest().get("quizzes").get(0), "And one more.");
        // The course's schema file changes content, the reading of lesson 1.3 is dropped.
        ObjectNode schema = (ObjectNode) fixture.manifest().get("resources").get(0);
        byte[] newSchema = bytes("CREATE TABLE a (id INTEGER);");
        schema.put("sha256", PackageFixture.sha256(newSchema)).put("size", newSchema.length).put("title", "Schema v2");
        fixture.file("resources/schema.sql", newSchema);
        fixture.lesson(0, 2).remove("resources");

        store.importer().importPackage(fixture.version("2.0").read(temp.resolve("v2")));

        assertThat(store.dsl().select(QUIZ_QUESTIONS.QUESTION_TEXT, QUIZ_QUESTIONS.ORDER_INDEX).from(QUIZ_QUESTIONS)
                .where(QUIZ_QUESTIONS.QUIZ_ID.eq(practice)).orderBy(QUIZ_QUESTIONS.ORDER_INDEX).fetch().map(Record::intoList))
                .containsExactly(List.of("Second?", 1), List.of("First, reworded?", 2));
        assertThat(store.dsl().select(QUIZ_QUESTIONS.QUESTION_TEXT).from(QUIZ_QUESTIONS)
                .where(QUIZ_QUESTIONS.QUIZ_ID.eq(quizId("Final"))).orderBy(QUIZ_QUESTIONS.ORDER_INDEX)
                .fetch(QUIZ_QUESTIONS.QUESTION_TEXT))
                .containsExactly("Explain everything.", "And one more.");
        assertThat(store.dsl().select(COURSE_RESOURCES.TITLE, COURSE_RESOURCES.FILE_URL, COURSE_RESOURCES.FILE_SIZE)
                .from(COURSE_RESOURCES).fetch().map(Record::intoList))
                .containsExactly(List.of("Schema v2", "media:" + PackageFixture.sha256(newSchema), (long) newSchema.length));
        assertThat(store.dsl().select(MEDIA_FILES.FILE_HASH).from(MEDIA_FILES).fetch(MEDIA_FILES.FILE_HASH))
                .containsExactly(PackageFixture.sha256(newSchema));
        assertThat(store.dsl().fetchCount(QUIZ_ATTEMPTS, QUIZ_ATTEMPTS.QUIZ_ID.eq(practice))).isEqualTo(1);
    }

    @Test
    void theSameVersionChangesNothingEvenIfTheContentDiffers() {
        writeLearnerRecords(lessonId(0), quizId("Practice on 1.1"));
        Map<String, String> before = StoreSnapshot.of(store);
        fixture.lesson(0, 0).put("title", "Changed without a new version");
        ((ArrayNode) fixture.section(0).get("lessons")).remove(2);

        ImportSummary summary = store.importer().importPackage(fixture.read(temp.resolve("same")));

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.UNCHANGED);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void anOlderVersionChangesNothing() {
        store.importer().importPackage(fixture.version("1.5").read(temp.resolve("newer")));
        writeLearnerRecords(lessonId(0), quizId("Practice on 1.1"));
        Map<String, String> before = StoreSnapshot.of(store);
        ((ArrayNode) fixture.section(0).get("lessons")).remove(0);

        ImportSummary summary = store.importer().importPackage(fixture.version("1.4.9").read(temp.resolve("older")));

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.KEPT_NEWER);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    private void writeLearnerRecords(UUID lesson, UUID quiz) {
        store.dsl().insertInto(USER_NOTES).set(USER_NOTES.ID, UUID.randomUUID()).set(USER_NOTES.USER_ID, learner)
                .set(USER_NOTES.LESSON_ID, lesson).set(USER_NOTES.COURSE_ID, courseId)
                .set(USER_NOTES.CONTENT, "My note on " + lesson).set(USER_NOTES.CREATED_AT, WHEN)
                .set(USER_NOTES.UPDATED_AT, WHEN).execute();
        store.dsl().insertInto(USER_BOOKMARKS).set(USER_BOOKMARKS.ID, UUID.randomUUID())
                .set(USER_BOOKMARKS.USER_ID, learner).set(USER_BOOKMARKS.LESSON_ID, lesson)
                .set(USER_BOOKMARKS.COURSE_ID, courseId).set(USER_BOOKMARKS.TITLE, "Come back here")
                .set(USER_BOOKMARKS.CREATED_AT, WHEN).set(USER_BOOKMARKS.UPDATED_AT, WHEN).execute();
        store.dsl().insertInto(LESSON_PROGRESS).set(LESSON_PROGRESS.ID, UUID.randomUUID())
                .set(LESSON_PROGRESS.USER_ID, learner).set(LESSON_PROGRESS.LESSON_ID, lesson)
                .set(LESSON_PROGRESS.COURSE_ID, courseId).set(LESSON_PROGRESS.STATUS, "completed")
                .set(LESSON_PROGRESS.PROGRESS_PERCENTAGE, new BigDecimal("100.00"))
                .set(LESSON_PROGRESS.COMPLETED_AT, WHEN).set(LESSON_PROGRESS.LAST_ACCESSED_AT, WHEN)
                .set(LESSON_PROGRESS.CREATED_AT, WHEN).set(LESSON_PROGRESS.UPDATED_AT, WHEN).execute();
        store.dsl().insertInto(QUIZ_ATTEMPTS).set(QUIZ_ATTEMPTS.ID, UUID.randomUUID()).set(QUIZ_ATTEMPTS.QUIZ_ID, quiz)
                .set(QUIZ_ATTEMPTS.USER_ID, learner).set(QUIZ_ATTEMPTS.ATTEMPT_NUMBER, 1)
                .set(QUIZ_ATTEMPTS.STATUS, "submitted").set(QUIZ_ATTEMPTS.STARTED_AT, WHEN)
                .set(QUIZ_ATTEMPTS.COMPLETED_AT, WHEN).set(QUIZ_ATTEMPTS.UPDATED_AT, WHEN).execute();
    }

    /** The learner's notes, bookmarks and progress on a lesson, and attempts at a quiz, as whole rows. */
    private Map<String, Result<Record>> learnerRows(UUID lesson, UUID quiz) {
        return Map.of(
                "notes", rows(USER_NOTES, USER_NOTES.LESSON_ID, lesson),
                "bookmarks", rows(USER_BOOKMARKS, USER_BOOKMARKS.LESSON_ID, lesson),
                "progress", rows(LESSON_PROGRESS, LESSON_PROGRESS.LESSON_ID, lesson),
                "attempts", rows(QUIZ_ATTEMPTS, QUIZ_ATTEMPTS.QUIZ_ID, quiz));
    }

    private <R extends Record> Result<Record> rows(Table<R> table, TableField<R, UUID> key, UUID value) {
        return store.dsl().select(table.fields()).from(table).where(key.eq(value)).fetch();
    }

    private UUID lessonId(int index) {
        return UUID.fromString(fixture.lesson(0, index).get("id").asText());
    }

    private UUID quizId(String title) {
        return store.dsl().select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES).where(COURSE_QUIZZES.TITLE.eq(title))
                .fetchOne(COURSE_QUIZZES.ID);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
