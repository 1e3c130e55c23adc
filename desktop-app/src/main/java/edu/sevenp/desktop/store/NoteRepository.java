package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import edu.sevenp.desktop.store.schema.tables.records.UserNotesRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.NoteChange;
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
            Optional<UUID> course = CourseRepository.courseOfLesson(tx, lesson.value());
            if (course.isEmpty()) {
                return Optional.empty();
            }
            UserNotesRecord row = tx.newRecord(USER_NOTES);
            row.setId(UUID.randomUUID());
            row.setUserId(user.value());
            row.setLessonId(lesson.value());
            row.setCourseId(course.get());
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
            Optional<UserNotesRecord> found = LessonAnnotations.NOTES.find(tx, user, note.value());
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
            Optional<UserNotesRecord> deleted = LessonAnnotations.NOTES.delete(tx, outbox, user, note.value(), at);
            deleted.ifPresent(row -> SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, row.getId()));
            return deleted.isPresent();
        });
    }

    public Optional<Note> find(UserId user, NoteId note) {
        return LessonAnnotations.NOTES.find(dsl, user, note.value()).map(Rows::note);
    }

    /** The learner's notes on a lesson: by their place in the video (notes without one last), then oldest first. */
    public List<Note> forLesson(UserId user, LessonId lesson) {
        return LessonAnnotations.NOTES.forLesson(dsl, user, lesson).map(Rows::note);
    }

    /** The learner's notes in a course, in the course's order of lessons, then as on each lesson. */
    public List<Note> forCourse(UserId user, CourseId course) {
        return LessonAnnotations.NOTES.forCourse(dsl, user, course).map(Rows::note);
    }

    private void queue(DSLContext tx, UserNotesRecord row, Long base) {
        Note note = Rows.note(row);
        outbox.append(tx, new NoteChange(note.id(), note.userId(), note.lessonId(), note.courseId(), note.content(),
                note.timestampInVideo(), row.getIsPrivate(), note.createdAt(), note.updatedAt(), base));
        SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, row.getId());
    }
}
