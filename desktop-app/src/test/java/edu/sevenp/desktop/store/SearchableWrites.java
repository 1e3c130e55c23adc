package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * Test writes of notes and quizzes made the way the repositories will make them: the change and its
 * search queue entry in one transaction.
 */
public final class SearchableWrites {

    /** A question as stored; answer and explanation are only for practice quizzes. */
    public record Question(String text, String type, String optionsJson, String correctAnswerJson, String explanation) {

        public static Question multipleChoice(String text, String optionsJson) {
            return new Question(text, "multiple_choice", optionsJson, null, null);
        }

        public Question withKey(String correctAnswerJson, String explanation) {
            return new Question(text, type, optionsJson, correctAnswerJson, explanation);
        }
    }

    private final LocalStore store;

    public SearchableWrites(LocalStore store) {
        this.store = store;
    }

    public UUID writeNote(UUID courseId, UUID lessonId, String content) {
        UUID noteId = UUID.randomUUID();
        inTransaction(tx -> {
            tx.insertInto(USER_NOTES)
                    .set(USER_NOTES.ID, noteId)
                    .set(USER_NOTES.USER_ID, store.identity().userId().value())
                    .set(USER_NOTES.COURSE_ID, courseId)
                    .set(USER_NOTES.LESSON_ID, lessonId)
                    .set(USER_NOTES.CONTENT, content)
                    .execute();
            SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, noteId);
        });
        return noteId;
    }

    public void editNote(UUID noteId, String content) {
        inTransaction(tx -> {
            tx.update(USER_NOTES).set(USER_NOTES.CONTENT, content).set(USER_NOTES.UPDATED_AT, OffsetDateTime.now())
                    .where(USER_NOTES.ID.eq(noteId)).execute();
            SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, noteId);
        });
    }

    public void deleteNote(UUID noteId) {
        inTransaction(tx -> {
            tx.deleteFrom(USER_NOTES).where(USER_NOTES.ID.eq(noteId)).execute();
            SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, noteId);
        });
    }

    /** A quiz of a lesson (or of the course, with {@code lessonId} null), queued as its course changing. */
    public UUID addQuiz(UUID courseId, UUID lessonId, String mode, String title, String description,
                        List<Question> questions) {
        UUID quizId = UUID.randomUUID();
        inTransaction(tx -> {
            tx.insertInto(COURSE_QUIZZES)
                    .set(COURSE_QUIZZES.ID, quizId)
                    .set(COURSE_QUIZZES.COURSE_ID, courseId)
                    .set(COURSE_QUIZZES.LESSON_ID, lessonId)
                    .set(COURSE_QUIZZES.TITLE, title)
                    .set(COURSE_QUIZZES.DESCRIPTION, description)
                    .set(COURSE_QUIZZES.QUIZ_MODE, mode)
                    .execute();
            int order = 1;
            for (Question question : questions) {
                tx.insertInto(QUIZ_QUESTIONS)
                        .set(QUIZ_QUESTIONS.QUIZ_ID, quizId)
                        .set(QUIZ_QUESTIONS.QUESTION_TEXT, question.text())
                        .set(QUIZ_QUESTIONS.QUESTION_TYPE, question.type())
                        .set(QUIZ_QUESTIONS.ORDER_INDEX, order++)
                        .set(QUIZ_QUESTIONS.OPTIONS, json(question.optionsJson()))
                        .set(QUIZ_QUESTIONS.CORRECT_ANSWER, json(question.correctAnswerJson()))
                        .set(QUIZ_QUESTIONS.EXPLANATION, question.explanation())
                        .execute();
            }
            SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, courseId);
        });
        return quizId;
    }

    /** Replaces a lesson's body with HTML and queues its course, as an import of an HTML lesson does. */
    public void rewriteLessonAsHtml(UUID courseId, UUID lessonId, String html) {
        inTransaction(tx -> {
            tx.update(edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS)
                    .set(edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS.CONTENT, html)
                    .set(edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS.CONTENT_FORMAT, "html")
                    .where(edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS.ID.eq(lessonId))
                    .execute();
            SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, courseId);
        });
    }

    /** Queues an entry again, as if the indexer had committed the index but crashed before removing it. */
    public void requeue(SearchQueue.DocType type, UUID id) {
        inTransaction(tx -> SearchQueue.enqueue(tx, type, id));
    }

    private static JSON json(String text) {
        return text == null ? null : JSON.json(text);
    }

    private void inTransaction(java.util.function.Consumer<DSLContext> work) {
        store.dsl().transaction(configuration -> work.accept(configuration.dsl()));
    }
}
