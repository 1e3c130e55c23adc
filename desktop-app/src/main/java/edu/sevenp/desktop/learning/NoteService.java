package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.NoteConflict;
import edu.sevenp.desktop.store.NoteRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The learner's notes on lessons, optionally tied to a second of the lesson's video. Every change reaches
 * the server through the outbox and the offline search through its queue, written with the note.
 */
public final class NoteService {

    /** The longest note, in characters (user_notes.valid_note_content). */
    public static final int MAX_LENGTH = 20_000;

    private final NoteRepository notes;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public NoteService(NoteRepository notes, UserId learner, Clock clock) {
        this(notes, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public NoteService(NoteRepository notes, Supplier<UserId> learner, Clock clock) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param timestampInVideo the second of the video the note is about, or null
     * @throws InvalidInputException empty or too long a text, a negative time
     * @throws NotFoundException the lesson is not in the library
     */
    public Note create(LessonId lesson, String content, Integer timestampInVideo) {
        Objects.requireNonNull(lesson, "lesson");
        check(content, timestampInVideo);
        return notes.create(learner.get(), lesson, content, timestampInVideo, Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("note.lessonGone")));
    }

    /**
     * Replaces the note's text and video time.
     *
     * @throws NotFoundException the note was deleted meanwhile (the UI still holds the text)
     */
    public Note edit(NoteId note, String content, Integer timestampInVideo) {
        Objects.requireNonNull(note, "note");
        check(content, timestampInVideo);
        return notes.edit(learner.get(), note, content, timestampInVideo, Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("note.gone")));
    }

    /** Deletes the note; deleting one that is already gone does nothing. */
    public void delete(NoteId note) {
        notes.delete(learner.get(), Objects.requireNonNull(note, "note"), Times.now(clock));
    }

    /** The learner's notes on the lesson, in video order (notes without a time last), then oldest first. */
    public List<Note> forLesson(LessonId lesson) {
        return notes.forLesson(learner.get(), Objects.requireNonNull(lesson, "lesson"));
    }

    /** The learner's notes in the course, lesson by lesson in the course's order. */
    public List<Note> forCourse(CourseId course) {
        return notes.forCourse(learner.get(), Objects.requireNonNull(course, "course"));
    }

    /** Notes that lost a concurrent edit on another device, each beside the note it lost to. */
    public List<ConflictingNote> conflicts() {
        return notes.conflicts(learner.get()).stream()
                .map(conflict -> new ConflictingNote(conflict.copy(), conflict.original(), conflict.lessonTitle()))
                .toList();
    }

    /**
     * Settles a conflict copy: keep the note as it is, take the copy's text, or keep both texts as notes.
     *
     * @throws NotFoundException the copy was settled meanwhile (on this device or, through sync, another)
     */
    public void resolve(NoteId copy, ConflictingNote.Choice choice) {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(choice, "choice");
        NoteConflict.Resolution resolution = switch (choice) {
            case KEEP_NOTE -> NoteConflict.Resolution.KEEP_ORIGINAL;
            case KEEP_COPY -> NoteConflict.Resolution.KEEP_COPY;
            case KEEP_BOTH -> NoteConflict.Resolution.KEEP_BOTH;
        };
        if (!notes.resolve(learner.get(), copy, resolution, Times.now(clock))) {
            throw new NotFoundException(LearningException.WORDS.text("conflict.settled"));
        }
    }

    private static void check(String content, Integer timestampInVideo) {
        new Checks()
                .text(content, "content", LearningException.WORDS.text("what.note"), MAX_LENGTH)
                .videoTime(timestampInVideo, "timestampInVideo")
                .orRefuse();
    }
}
