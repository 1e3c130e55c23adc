package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A note outlives its lesson (issue 11; docs/schema-notes.md, "A note outlives its lesson"). Whatever deletes lessons
 * from the mirror (a pulled tombstone, a re-imported package without them) first detaches the learner's notes on
 * them: no lesson, and the lesson's title as it was, the server's PostgreSQL trigger done by hand, since H2 runs
 * no SQL triggers. The mirror's key refuses to delete a lesson a note still points at, so a path that forgets this
 * fails instead of losing notes. Bookmarks and progress on the lesson still go with it.
 */
final class RemovedLessons {

    private RemovedLessons() {
    }

    /**
     * Detaches the notes on the lessons {@code lessons} selects (a condition on course_lessons), in the caller's
     * transaction that deletes them next, and queues the notes for the search index again; answers how many.
     */
    static int detachNotes(DSLContext tx, Condition lessons) {
        List<UUID> notes = tx.select(USER_NOTES.ID).from(USER_NOTES)
                .join(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(USER_NOTES.LESSON_ID))
                .where(lessons).fetch(USER_NOTES.ID);
        if (notes.isEmpty()) {
            return 0;
        }
        // One statement: the check wants lesson and title to change together, and SET reads the row as it was.
        tx.update(USER_NOTES)
                .set(USER_NOTES.REMOVED_LESSON_TITLE, DSL.select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS)
                        .where(COURSE_LESSONS.ID.eq(USER_NOTES.LESSON_ID)))
                .setNull(USER_NOTES.LESSON_ID)
                .where(USER_NOTES.ID.in(notes))
                .execute();
        notes.forEach(note -> SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, note));
        return notes.size();
    }

    /**
     * For a delete by id from {@code table}: the lessons it takes along (the lessons themselves, a section's, a
     * course's), or empty when the table holds none.
     */
    static Optional<Condition> takenAlong(Table<?> table, Collection<UUID> ids) {
        if (table.equals(COURSE_LESSONS)) {
            return Optional.of(COURSE_LESSONS.ID.in(ids));
        } else if (table.equals(COURSE_SECTIONS)) {
            return Optional.of(COURSE_LESSONS.SECTION_ID.in(ids));
        } else if (table.equals(COURSES)) {
            return Optional.of(COURSE_LESSONS.COURSE_ID.in(ids));
        }
        return Optional.empty();
    }
}
