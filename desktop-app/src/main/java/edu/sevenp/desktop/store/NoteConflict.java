package edu.sevenp.desktop.store;

import edu.sevenp.model.learning.Note;
import java.util.Objects;
import java.util.Optional;

/**
 * A conflict copy: the text of a note that lost a concurrent edit on another device (docs/sync-protocol.md 8.1),
 * beside the note as it is now.
 *
 * @param original the note it conflicted with; empty when that note was deleted since
 */
public record NoteConflict(Note copy, Optional<Note> original, String lessonTitle) {

    public NoteConflict {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
    }

    /** What the learner keeps of a conflict. */
    public enum Resolution {
        /** The note as it is; the copy goes. */
        KEEP_ORIGINAL,
        /** The copy's text becomes the note's (or a note again, when the original is gone); the copy goes. */
        KEEP_COPY,
        /** Both texts stay, the copy as an ordinary note of its own. */
        KEEP_BOTH
    }
}
