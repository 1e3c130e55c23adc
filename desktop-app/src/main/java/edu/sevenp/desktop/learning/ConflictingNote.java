package edu.sevenp.desktop.learning;

import edu.sevenp.model.learning.Note;
import java.util.Objects;
import java.util.Optional;

/**
 * A conflict copy (the text of a note that lost a concurrent edit on another device) beside the note as it is now.
 *
 * @param original the note it conflicted with; empty when that note was deleted since
 */
public record ConflictingNote(Note copy, Optional<Note> original, String lessonTitle) {

    public ConflictingNote {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
    }

    /** What the learner keeps of a conflict. */
    public enum Choice {
        /** The note as it is; the copy goes. */
        KEEP_NOTE,
        /** The copy's text becomes the note's (or a note again, when the note is gone); the copy goes. */
        KEEP_COPY,
        /** Both texts stay, the copy as an ordinary note of its own. */
        KEEP_BOTH
    }
}
