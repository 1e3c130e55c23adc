package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
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
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A learner's notes (user_notes). Every write queues the change for the server (a delete as a
 * tombstone) and the note for the search index, in the same transaction as the note itself.
 */
public final class NoteRepository {

    /** The longest note (user_notes.valid_note_content). */
    private static final int MAX_NOTE_LENGTH = 20_000;

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
        return writes.run("saveNote", tx -> insert(tx, user, lesson, content, timestampInVideo, at));
    }

    private Optional<Note> insert(DSLContext tx, UserId user, LessonId lesson, String content, Integer timestampInVideo,
            OffsetDateTime at) {
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
    }

    /**
     * Replaces the note's text and video time. Writing what is already there changes nothing.
     *
     * @return the note afterwards; empty when the learner has no such note
     */
    public Optional<Note> edit(UserId user, NoteId note, String content, Integer timestampInVideo, OffsetDateTime at) {
        return writes.run("saveNote", tx -> update(tx, user, note, content, timestampInVideo, at));
    }

    private Optional<Note> update(DSLContext tx, UserId user, NoteId note, String content, Integer timestampInVideo,
            OffsetDateTime at) {
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
    }

    /** @return whether there was such a note */
    public boolean delete(UserId user, NoteId note, OffsetDateTime at) {
        return writes.run("deleteNote", tx -> remove(tx, user, note, at));
    }

    private boolean remove(DSLContext tx, UserId user, NoteId note, OffsetDateTime at) {
        Optional<UserNotesRecord> deleted = LessonAnnotations.NOTES.delete(tx, outbox, user, note.value(), at);
        deleted.ifPresent(row -> SearchQueue.enqueue(tx, SearchQueue.DocType.NOTE, row.getId()));
        return deleted.isPresent();
    }

    /** The learner's conflict copies, oldest first, each with the note it lost to and its lesson's title. */
    public List<NoteConflict> conflicts(UserId user) {
        var original = USER_NOTES.as("original");
        Field<String> lessonTitle = DSL.coalesce(COURSE_LESSONS.TITLE, USER_NOTES.REMOVED_LESSON_TITLE);
        return dsl.select(USER_NOTES.asterisk(), lessonTitle)
                .from(USER_NOTES)
                .leftJoin(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(USER_NOTES.LESSON_ID))
                .where(USER_NOTES.USER_ID.eq(user.value()), USER_NOTES.CONFLICT_OF.isNotNull())
                .orderBy(USER_NOTES.CREATED_AT, USER_NOTES.ID)
                .fetch(row -> {
                    Note copy = Rows.note(row.into(USER_NOTES));
                    Optional<Note> lostTo = dsl.selectFrom(original)
                            .where(original.ID.eq(row.get(USER_NOTES.CONFLICT_OF)), original.USER_ID.eq(user.value()))
                            .fetchOptional().map(found -> Rows.note(found.into(USER_NOTES)));
                    return new NoteConflict(copy, lostTo, row.get(lessonTitle));
                });
    }

    /**
     * Settles a conflict copy in one transaction; every change reaches the server as ordinary note changes (the
     * protocol has no way to clear a copy's mark, so a copy kept is written again as a note of its own).
     *
     * @return false when there is no such conflict copy (settled meanwhile)
     */
    public boolean resolve(UserId user, NoteId copy, NoteConflict.Resolution resolution, OffsetDateTime at) {
        return writes.run("settleConflict", tx -> {
            Optional<UserNotesRecord> found = LessonAnnotations.NOTES.find(tx, user, copy.value())
                    .filter(row -> row.getConflictOf() != null);
            if (found.isEmpty()) {
                return false;
            }
            UserNotesRecord row = found.get();
            NoteId original = new NoteId(row.getConflictOf());
            if (row.getLessonId() == null) {
                return resolveFromRemovedLesson(tx, user, row, original, resolution, at);
            }
            LessonId lesson = new LessonId(row.getLessonId());
            switch (resolution) {
                case KEEP_ORIGINAL -> { }
                case KEEP_COPY -> {
                    if (update(tx, user, original, row.getContent(), row.getTimestampInVideo(), at).isEmpty()) {
                        insert(tx, user, lesson, row.getContent(), row.getTimestampInVideo(), at);
                    }
                }
                case KEEP_BOTH -> insert(tx, user, lesson, row.getContent(), row.getTimestampInVideo(), at);
                default -> throw new IllegalArgumentException("unknown resolution " + resolution);
            }
            remove(tx, user, copy, at);
            return true;
        });
    }

    /**
     * A conflict copy of a note from a removed lesson. No new note can be made there (the server wants a lesson for a
     * new note), so both texts are kept in the note, one after the other; when the note is gone (or both would be
     * too long for one note) the copy itself stays, as the note that is left.
     */
    private boolean resolveFromRemovedLesson(DSLContext tx, UserId user, UserNotesRecord copy, NoteId original,
            NoteConflict.Resolution resolution, OffsetDateTime at) {
        Optional<UserNotesRecord> note = LessonAnnotations.NOTES.find(tx, user, original.value());
        String both = note.map(found -> found.getContent() + "\n\n" + copy.getContent()).orElse("");
        boolean keepCopy = switch (resolution) {
            case KEEP_ORIGINAL -> false;
            case KEEP_COPY -> update(tx, user, original, copy.getContent(), copy.getTimestampInVideo(), at).isEmpty();
            case KEEP_BOTH -> note.isEmpty() || both.length() > MAX_NOTE_LENGTH
                    || update(tx, user, original, both, note.get().getTimestampInVideo(), at).isEmpty();
        };
        if (!keepCopy) {
            remove(tx, user, new NoteId(copy.getId()), at);
        }
        return true;
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
