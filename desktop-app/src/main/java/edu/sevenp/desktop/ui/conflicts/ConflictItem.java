package edu.sevenp.desktop.ui.conflicts;

import edu.sevenp.model.NoteId;
import java.util.Objects;

/**
 * One conflict as the dialog shows it.
 *
 * @param currentText the note's text now; null when the note was deleted since
 */
public record ConflictItem(NoteId copy, String lesson, String currentHeading, String currentText, String copyHeading,
        String copyText) {

    public ConflictItem {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(currentHeading, "currentHeading");
        Objects.requireNonNull(copyHeading, "copyHeading");
        Objects.requireNonNull(copyText, "copyText");
    }

    public boolean currentGone() {
        return currentText == null;
    }
}
