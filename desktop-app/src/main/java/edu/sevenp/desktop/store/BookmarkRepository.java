package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;

import edu.sevenp.desktop.store.schema.tables.records.UserBookmarksRecord;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** A learner's bookmarks (user_bookmarks). Every write queues the change (a delete as a tombstone) with it. */
public final class BookmarkRepository {

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;

    BookmarkRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** @return empty when the library has no such lesson */
    public Optional<Bookmark> add(UserId user, LessonId lesson, String title, Integer timestampInVideo, String notes,
            OffsetDateTime at) {
        return writes.run("save the bookmark", tx -> {
            UUID course = tx.select(COURSE_LESSONS.COURSE_ID).from(COURSE_LESSONS)
                    .where(COURSE_LESSONS.ID.eq(lesson.value())).fetchOne(COURSE_LESSONS.COURSE_ID);
            if (course == null) {
                return Optional.empty();
            }
            UserBookmarksRecord row = tx.newRecord(USER_BOOKMARKS);
            row.setId(UUID.randomUUID());
            row.setUserId(user.value());
            row.setLessonId(lesson.value());
            row.setCourseId(course);
            row.setTitle(title);
            row.setTimestampInVideo(timestampInVideo);
            row.setNotes(notes);
            row.setCreatedAt(at);
            row.setUpdatedAt(at);
            row.store();
            queue(tx, row, null);
            return Optional.of(Rows.bookmark(row));
        });
    }

    /**
     * Replaces the bookmark's title, video time and remark. Writing what is already there changes nothing.
     *
     * @return the bookmark afterwards; empty when the learner has no such bookmark
     */
    public Optional<Bookmark> edit(UserId user, BookmarkId bookmark, String title, Integer timestampInVideo,
            String notes, OffsetDateTime at) {
        return writes.run("save the bookmark", tx -> {
            Optional<UserBookmarksRecord> found = find(tx, user, bookmark);
            found.filter(row -> !Objects.equals(title, row.getTitle())
                    || !Objects.equals(timestampInVideo, row.getTimestampInVideo())
                    || !Objects.equals(notes, row.getNotes())).ifPresent(row -> {
                Long base = Rows.serverVersion(row.getRowVersion());
                row.setTitle(title);
                row.setTimestampInVideo(timestampInVideo);
                row.setNotes(notes);
                row.setUpdatedAt(at);
                row.store();
                queue(tx, row, base);
            });
            return found.map(Rows::bookmark);
        });
    }

    /** @return whether there was such a bookmark */
    public boolean remove(UserId user, BookmarkId bookmark, OffsetDateTime at) {
        return writes.run("remove the bookmark", tx -> {
            Optional<UserBookmarksRecord> found = find(tx, user, bookmark);
            found.ifPresent(row -> {
                row.delete();
                outbox.append(tx, new Tombstone(SyncEntity.USER_BOOKMARKS, row.getId(), user, at, Rows.serverVersion(row.getRowVersion())));
            });
            return found.isPresent();
        });
    }

    public Optional<Bookmark> find(UserId user, BookmarkId bookmark) {
        return find(dsl, user, bookmark).map(Rows::bookmark);
    }

    /** The learner's bookmarks in a lesson: by their place in the video (whole-lesson ones last), then oldest first. */
    public List<Bookmark> forLesson(UserId user, LessonId lesson) {
        return dsl.selectFrom(USER_BOOKMARKS)
                .where(USER_BOOKMARKS.USER_ID.eq(user.value()), USER_BOOKMARKS.LESSON_ID.eq(lesson.value()))
                .orderBy(USER_BOOKMARKS.TIMESTAMP_IN_VIDEO.asc().nullsLast(), USER_BOOKMARKS.CREATED_AT, USER_BOOKMARKS.ID)
                .fetch(Rows::bookmark);
    }

    /** The learner's bookmarks in a course, in the course's order of lessons, then as in each lesson. */
    public List<Bookmark> forCourse(UserId user, CourseId course) {
        return dsl.select(USER_BOOKMARKS.fields())
                .from(USER_BOOKMARKS)
                .join(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(USER_BOOKMARKS.LESSON_ID))
                .join(COURSE_SECTIONS).on(COURSE_SECTIONS.ID.eq(COURSE_LESSONS.SECTION_ID))
                .where(USER_BOOKMARKS.USER_ID.eq(user.value()), USER_BOOKMARKS.COURSE_ID.eq(course.value()))
                .orderBy(COURSE_SECTIONS.ORDER_INDEX, COURSE_LESSONS.ORDER_INDEX,
                        USER_BOOKMARKS.TIMESTAMP_IN_VIDEO.asc().nullsLast(), USER_BOOKMARKS.CREATED_AT, USER_BOOKMARKS.ID)
                .fetch(row -> Rows.bookmark(row.into(USER_BOOKMARKS)));
    }

    private void queue(DSLContext tx, UserBookmarksRecord row, Long base) {
        Bookmark bookmark = Rows.bookmark(row);
        outbox.append(tx, new BookmarkChange(bookmark.id(), bookmark.userId(), bookmark.lessonId(), bookmark.courseId(),
                bookmark.title(), bookmark.timestampInVideo(), bookmark.notes(), bookmark.createdAt(),
                bookmark.updatedAt(), base));
    }

    private static Optional<UserBookmarksRecord> find(DSLContext context, UserId user, BookmarkId bookmark) {
        return context.selectFrom(USER_BOOKMARKS)
                .where(USER_BOOKMARKS.ID.eq(bookmark.value()), USER_BOOKMARKS.USER_ID.eq(user.value()))
                .fetchOptional();
    }
}
