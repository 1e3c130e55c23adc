package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.model.LessonId;
import java.util.Locale;
import edu.sevenp.model.learning.ProgressStatus;

/** An entry of the outline tree: a section heading (no lesson, no status) or a lesson with the learner's status. */
record OutlineNode(String label, LessonId lesson, ProgressStatus status) {

    static OutlineNode section(String label) {
        return new OutlineNode(label, null, null);
    }

    boolean isLesson() {
        return lesson != null;
    }

    OutlineNode withStatus(ProgressStatus newStatus) {
        return new OutlineNode(label, lesson, newStatus);
    }

    /** What the glyph means, for screen readers and tooltips. */
    String statusText(Messages messages) {
        return status == null ? "" : messages.get("status." + status.name());
    }

    /** The cell's style class for the status: {@code status-not-started}, {@code status-in-progress}, {@code status-completed}. */
    String statusStyle() {
        return status == null ? "" : "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A glyph per status, so the state does not rest on colour alone. */
    String glyph() {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case NOT_STARTED -> "○";
            case IN_PROGRESS -> "◐";
            case COMPLETED -> "✔";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
