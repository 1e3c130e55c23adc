package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.Snippet;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;

/**
 * One result as the list shows it.
 *
 * @param context where the hit is: "Course › Section" for a lesson, "Course › Lesson" for a quiz or a note
 */
public record SearchRow(SearchHit hit, String context) {

    public SearchRow {
        Objects.requireNonNull(hit, "hit");
        Objects.requireNonNull(context, "context");
    }

    /** "Lesson", "Quiz" or "Note", in the learner's language. */
    public String typeText() {
        return Messages.of(SearchRow.class).get("type." + hit.type().name());
    }

    public HitType type() {
        return hit.type();
    }

    public String title() {
        return hit.title();
    }

    public Snippet snippet() {
        return hit.snippet();
    }
}
