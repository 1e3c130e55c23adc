package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import org.jooq.DSLContext;

/**
 * What a profile holds, counted: what removing it loses. A handful of counts on indexed tables, cheap enough to read
 * while a confirmation opens.
 *
 * @param courses courses on this computer (downloaded, imported or the bundled sample)
 * @param lessonsStarted lessons with progress, completed ones included
 * @param unsentChanges changes not yet answered by a sync server: waiting to be sent, or kept here because their course
 *        is not on the server
 */
public record StoreContents(int courses, int notes, int bookmarks, int lessonsStarted, int lessonsCompleted,
        int quizAttempts, int unsentChanges) {

    static StoreContents count(DSLContext dsl) {
        return new StoreContents(dsl.fetchCount(COURSES), dsl.fetchCount(USER_NOTES), dsl.fetchCount(USER_BOOKMARKS),
                dsl.fetchCount(LESSON_PROGRESS, LESSON_PROGRESS.STATUS.ne("not_started")),
                dsl.fetchCount(LESSON_PROGRESS, LESSON_PROGRESS.STATUS.eq("completed")),
                dsl.fetchCount(QUIZ_ATTEMPTS),
                dsl.fetchCount(OUTBOX, OUTBOX.STATE.in(OutboxState.PENDING.code(), OutboxState.HELD.code())));
    }
}
