package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;

import edu.sevenp.desktop.store.schema.tables.records.UserBookmarksRecord;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.sync.BookmarkChange;
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
        return writes.run("saveBookmark", tx -> {
            Optional<UUID> course = CourseRepository.courseOfLesson(tx, lesson.value());
            if (course.isEmpty()) {
                return Optional.empty();
            }
            UserBookmarksRecord row = tx.newRecord(USER_BOOKMARKS);
            row.setId(UUID.randomUUID());
            row.setUserId(user.value());
            row.setLessonId(lesson.value());
            row.setCourseId(course.get());
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
        return writes.run("saveBookmark", tx -> {
            Optional<UserBookmarksRecord> found = LessonAnnotations.BOOKMARKS.find(tx, user, bookmark.value());
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
        return writes.run("removeBookmark",
                tx -> LessonAnnotations.BOOKMARKS.delete(tx, outbox, user, bookmark.value(), at).isPresent());
    }

    public Optional<Bookmark> find(UserId user, BookmarkId bookmark) {
        return LessonAnnotations.BOOKMARKS.find(dsl, user, bookmark.value()).map(Rows::bookmark);
    }

    /** The learner's bookmarks in a lesson: by their place in the video (whole-lesson ones last), then oldest first. */
    public List<Bookmark> forLesson(UserId user, LessonId lesson) {
        return LessonAnnotations.BOOKMARKS.forLesson(dsl, user, lesson).map(Rows::bookmark);
    }

    /** The learner's bookmarks in a course, in the course's order of lessons, then as in each lesson. */
    public List<Bookmark> forCourse(UserId user, CourseId course) {
        return LessonAnnotations.BOOKMARKS.forCourse(dsl, user, course).map(Rows::bookmark);
    }

    private void queue(DSLContext tx, UserBookmarksRecord row, Long base) {
        Bookmark bookmark = Rows.bookmark(row);
        outbox.append(tx, new BookmarkChange(bookmark.id(), bookmark.userId(), bookmark.lessonId(), bookmark.courseId(),
                bookmark.title(), bookmark.timestampInVideo(), bookmark.notes(), bookmark.createdAt(),
                bookmark.updatedAt(), base));
    }
}
