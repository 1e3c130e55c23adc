package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import edu.sevenp.desktop.store.schema.tables.records.UserNotesRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A learner's notes (user_notes). Every write queues the change for the server (a delete as a
 * tombstone) and the note for the search index, in the same transaction as the note itself.
 */
public final class NoteRepository {

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;

    NoteRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * @param at when the learner wrote it: its created and updated time
     * @return empty when the library has no such lesson
     */
    public Optional<Note> create(UserId user, LessonId lesson, String content, Integer timestampInVideo,
            OffsetDateTime at) {
        return writes.run("save the note", tx -> {
            UUID course = tx.select(COURSE_LESSONS.COURSE_ID).from(COURSE_LESSONS)
                    .where(COURSE_LESSONS.ID.eq(lesson.value())).fetchOne(COURSE_LESSONS.COURSE_ID);
            if (course == null) {
                return Optional.empty();
            }
            UserNotesRecord row = tx.newRecord(USER_NOTES);
            row.setId(UUID.randomUUID());
            row.setUserId(user.value());
            row.setLessonId(lesson.value());
            row.setCourseId(course);
            row.setContent(content);
            row.setTimestampInVideo(timestampInVideo);
            row.setIsPrivate(true);
            row.setCreatedAt(at);
            row.setUpdatedAt(at);
            row.store();
            queue(tx, row, null);
            return Optional.of(Rows.note(row));
        });
    }

    /**
     * Replaces the note's text and video time. Writing what is already there changes nothing.
     *
     * @return the note afterwards; empty when the learner has no such note
     */
    public Optional<Note> edit(UserId user, NoteId note, String content, Integer timestampInVideo, OffsetDateTime at) {
        return writes.run("save the note", tx -> {
            Optional<UserNotesRecord> found = find(tx, user, note);
            found.filter(row -> !content.equals(row.getContent())
                    || !Objects.equals(timestampInVideo, row.getTimestampInVideo())).ifPresent(row -> {
                Long base = Rows.serverVersion(row.getRowVersion());
                row.setContent(content);
                row.setTimestampInVideo(timestampInVideo);
                row.setUpdatedAt(at);
                row.store();
                queue(tx, row, base);
            });
            return found.map(Rows::note);
        });
    }

    /** @return whether there was such a note */
    public boolean delete(UserId user, NoteId note, OffsetDateTime at) {
        return writes.run("delete the note", tx -> {
            Optional<UserNotesRecord> found = find(tx, user, note);
            found.ifPresent(row -> {
                row.delete();
                outbox.append(tx, new Tombstone(SyncEntity.USER_NOTES, row.getId(), user, at, Rows.serverVersion(row.getRowVersion())));
                SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, row.getId());
            });
            return found.isPresent();
        });
    }

    public Optional<Note> find(UserId user, NoteId note) {
        return find(dsl, user, note).map(Rows::note);
    }

    /** The learner's notes on a lesson: by their place in the video (notes without one last), then oldest first. */
    public List<Note> forLesson(UserId user, LessonId lesson) {
        return dsl.selectFrom(USER_NOTES)
                .where(USER_NOTES.USER_ID.eq(user.value()), USER_NOTES.LESSON_ID.eq(lesson.value()))
                .orderBy(USER_NOTES.TIMESTAMP_IN_VIDEO.asc().nullsLast(), USER_NOTES.CREATED_AT, USER_NOTES.ID)
                .fetch(Rows::note);
    }

    /** The learner's notes in a course, in the course's order of lessons, then as on each lesson. */
    public List<Note> forCourse(UserId user, CourseId course) {
        return dsl.select(USER_NOTES.fields())
                .from(USER_NOTES)
                .join(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(USER_NOTES.LESSON_ID))
                .join(COURSE_SECTIONS).on(COURSE_SECTIONS.ID.eq(COURSE_LESSONS.SECTION_ID))
                .where(USER_NOTES.USER_ID.eq(user.value()), USER_NOTES.COURSE_ID.eq(course.value()))
                .orderBy(COURSE_SECTIONS.ORDER_INDEX, COURSE_LESSONS.ORDER_INDEX,
                        USER_NOTES.TIMESTAMP_IN_VIDEO.asc().nullsLast(), USER_NOTES.CREATED_AT, USER_NOTES.ID)
                .fetch(row -> Rows.note(row.into(USER_NOTES)));
    }

    private void queue(DSLContext tx, UserNotesRecord row, Long base) {
        Note note = Rows.note(row);
        outbox.append(tx, new NoteChange(note.id(), note.userId(), note.lessonId(), note.courseId(), note.content(),
                note.timestampInVideo(), row.getIsPrivate(), note.createdAt(), note.updatedAt(), base));
        SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, row.getId());
    }

    private static Optional<UserNotesRecord> find(DSLContext context, UserId user, NoteId note) {
        return context.selectFrom(USER_NOTES)
                .where(USER_NOTES.ID.eq(note.value()), USER_NOTES.USER_ID.eq(user.value()))
                .fetchOptional();
    }
}
