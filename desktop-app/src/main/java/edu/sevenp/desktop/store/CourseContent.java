package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * A server course's content on this computer, as opposed to its outline (course, sections, lesson titles, quizzes)
 * and the learner's own records. The content goes when the learner loses access to the course or removes its
 * download; the outline stays, so notes, bookmarks, progress and attempts keep their places.
 */
final class CourseContent {

    private CourseContent() {
    }

    /**
     * Removes the course's quiz questions, resources, media files and lesson bodies (text, video, attachments, links)
     * in the caller's transaction, and has the search index take the course in again (without its bodies). The media
     * files themselves go with the media stage's sweep, once no row uses them.
     */
    static void remove(DSLContext tx, UUID course) {
        tx.deleteFrom(QUIZ_QUESTIONS).where(QUIZ_QUESTIONS.QUIZ_ID.in(
                DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(course)))).execute();
        tx.deleteFrom(COURSE_RESOURCES).where(COURSE_RESOURCES.COURSE_ID.eq(course)).execute();
        tx.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.COURSE_ID.eq(course)).execute();
        tx.update(COURSE_LESSONS).set(COURSE_LESSONS.CONTENT, (String) null).set(COURSE_LESSONS.VIDEO_URL, (String) null)
                .set(COURSE_LESSONS.ATTACHMENTS, JSON.json("[]")).set(COURSE_LESSONS.EXTERNAL_LINKS, JSON.json("[]"))
                .where(COURSE_LESSONS.COURSE_ID.eq(course)).execute();
        SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, course);
    }
}
