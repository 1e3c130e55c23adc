package edu.sevenp.desktop.ui.notes;

import edu.sevenp.model.learning.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A note as the list shows it.
 *
 * @param lessonTitle the title of the note's lesson (shown when the list covers the whole course)
 * @param written when it was written, in the learner's time zone, and whether it was edited since
 */
public record NoteItem(Note note, String lessonTitle, String written) {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    public NoteItem {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
        Objects.requireNonNull(written, "written");
    }

    /** When it was written and the video time, if any: "2 Mar 2026, 09:00 · at 1:05". */
    public String meta() {
        return note.timestampInVideo() == null ? written : written + " · at " + VideoTime.format(note.timestampInVideo());
    }

    static NoteItem of(Note note, String lessonTitle, ZoneId zone) {
        String written = WRITTEN.format(note.createdAt().atZoneSameInstant(zone));
        String edited = note.updatedAt().isAfter(note.createdAt()) ? " (edited)" : "";
        return new NoteItem(note, lessonTitle, written + edited);
    }
}
