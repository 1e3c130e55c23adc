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
 * @param meta when it was written, in the learner's time zone, and the video time if any
 */
public record NoteItem(Note note, String lessonTitle, String meta) {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    public NoteItem {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
        Objects.requireNonNull(meta, "meta");
    }

    static NoteItem of(Note note, String lessonTitle, ZoneId zone) {
        String written = WRITTEN.format(note.createdAt().atZoneSameInstant(zone));
        String edited = note.updatedAt().isAfter(note.createdAt()) ? " (edited)" : "";
        String time = note.timestampInVideo() == null ? "" : " · at " + VideoTime.format(note.timestampInVideo());
        return new NoteItem(note, lessonTitle, written + edited + time);
    }
}
