package edu.sevenp.desktop.ui.notes;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.model.learning.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

/**
 * A note as the list shows it.
 *
 * @param lessonTitle the title of the note's lesson (shown when the list covers the whole course); for a note from a
 *        removed lesson, that lesson's title marked so ("From a removed lesson: …")
 * @param written when it was written, in the learner's time zone, and whether it was edited since
 */
public record NoteItem(Note note, String lessonTitle, String written) {

    public NoteItem {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
        Objects.requireNonNull(written, "written");
    }

    /** When it was written and the video time, if any: "2 Mar 2026, 09:00 · at 1:05". */
    public String meta() {
        return note.timestampInVideo() == null ? written : written + " · at " + VideoTime.format(note.timestampInVideo());
    }

    /** With the date written for the locale of {@code messages} ("2 Mar 2026, 09:00", "02.03.2026, 09:00"). */
    static NoteItem of(Note note, String lessonTitle, ZoneId zone, Messages messages) {
        String lesson = note.fromRemovedLesson()
                ? messages.format("item.fromRemovedLesson", note.removedLessonTitle()) : lessonTitle;
        String written = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).format(note.createdAt().atZoneSameInstant(zone));
        boolean edited = note.updatedAt().isAfter(note.createdAt());
        // A note's video time is its link (NotesView), not repeated in this line.
        return new NoteItem(note, lesson, messages.format(edited ? "item.edited" : "item.written", written));
    }
}
