package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import edu.sevenp.desktop.store.schema.tables.records.UserBookmarksRecord;
import edu.sevenp.desktop.store.schema.tables.records.UserNotesRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

/**
 * What notes and bookmarks have in common: a learner's rows on a lesson, each at an optional place in
 * its video, found by id for their learner only, listed by lesson and by course in one order, and
 * deleted by tombstone. Written once for both tables (and any third kind of the same shape).
 */
final class LessonAnnotations<R extends UpdatableRecord<R>> {

    static final LessonAnnotations<UserNotesRecord> NOTES = new LessonAnnotations<>(SyncEntity.USER_NOTES, USER_NOTES,
            USER_NOTES.ID, USER_NOTES.USER_ID, USER_NOTES.LESSON_ID, USER_NOTES.COURSE_ID, USER_NOTES.TIMESTAMP_IN_VIDEO,
            USER_NOTES.CREATED_AT, USER_NOTES.ROW_VERSION);
    static final LessonAnnotations<UserBookmarksRecord> BOOKMARKS = new LessonAnnotations<>(SyncEntity.USER_BOOKMARKS,
            USER_BOOKMARKS, USER_BOOKMARKS.ID, USER_BOOKMARKS.USER_ID, USER_BOOKMARKS.LESSON_ID, USER_BOOKMARKS.COURSE_ID,
            USER_BOOKMARKS.TIMESTAMP_IN_VIDEO, USER_BOOKMARKS.CREATED_AT, USER_BOOKMARKS.ROW_VERSION);

    private final SyncEntity entity;
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final TableField<R, UUID> userId;
    private final TableField<R, UUID> lessonId;
    private final TableField<R, UUID> courseId;
    private final TableField<R, Integer> timestampInVideo;
    private final TableField<R, OffsetDateTime> createdAt;
    private final TableField<R, Long> rowVersion;

    private LessonAnnotations(SyncEntity entity, Table<R> table, TableField<R, UUID> id, TableField<R, UUID> userId,
            TableField<R, UUID> lessonId, TableField<R, UUID> courseId, TableField<R, Integer> timestampInVideo,
            TableField<R, OffsetDateTime> createdAt, TableField<R, Long> rowVersion) {
        this.entity = entity;
        this.table = table;
        this.id = id;
        this.userId = userId;
        this.lessonId = lessonId;
        this.courseId = courseId;
        this.timestampInVideo = timestampInVideo;
        this.createdAt = createdAt;
        this.rowVersion = rowVersion;
    }

    /** The learner's row with this id; another learner's is not found. */
    Optional<R> find(DSLContext context, UserId user, UUID rowId) {
        return context.selectFrom(table).where(id.eq(rowId), userId.eq(user.value())).fetchOptional();
    }

    /** The learner's rows on a lesson: by their place in the video (rows without one last), then oldest first. */
    Result<R> forLesson(DSLContext context, UserId user, LessonId lesson) {
        return context.selectFrom(table)
                .where(userId.eq(user.value()), lessonId.eq(lesson.value()))
                .orderBy(inLesson())
                .fetch();
    }

    /**
     * The learner's rows in a course, in the course's order of lessons, then as on each lesson; notes from removed
     * lessons (no lesson) last.
     */
    Result<R> forCourse(DSLContext context, UserId user, CourseId course) {
        return context.select(table.fields())
                .from(table)
                .leftJoin(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(lessonId))
                .leftJoin(COURSE_SECTIONS).on(COURSE_SECTIONS.ID.eq(COURSE_LESSONS.SECTION_ID))
                .where(userId.eq(user.value()), courseId.eq(course.value()))
                .orderBy(Stream.concat(Stream.of(COURSE_SECTIONS.ORDER_INDEX.asc().nullsLast(),
                        COURSE_LESSONS.ORDER_INDEX.asc().nullsLast()), inLesson().stream()).toList())
                .fetchInto(table);
    }

    /**
     * Deletes the learner's row in {@code tx} and queues its tombstone, naming the server version the
     * learner saw.
     *
     * @return the row deleted; empty when the learner had no such row
     */
    Optional<R> delete(DSLContext tx, Outbox outbox, UserId user, UUID rowId, OffsetDateTime at) {
        Optional<R> found = find(tx, user, rowId);
        found.ifPresent(row -> {
            row.delete();
            outbox.append(tx, new Tombstone(entity, row.get(id), user, at, Rows.serverVersion(row.get(rowVersion))));
        });
        return found;
    }

    private List<SortField<?>> inLesson() {
        return List.of(timestampInVideo.asc().nullsLast(), createdAt.asc(), id.asc());
    }
}
