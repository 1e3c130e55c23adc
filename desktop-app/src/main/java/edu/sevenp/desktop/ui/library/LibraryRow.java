package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.learning.LibraryEntry;
import edu.sevenp.desktop.sync.media.CourseDownload;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.learning.Enrollment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * One course as the library lists it.
 *
 * @param state the learner's standing in words ("Not started", "In progress", ...), in the learner's language
 * @param progress percent of the course's lessons completed, 0 to 100
 * @param download how much of a server course is on this computer; null for a course of this computer's own (the
 *                 sample, an imported package)
 */
public record LibraryRow(CourseId courseId, String title, String description, String state, BigDecimal progress,
        DownloadLine download) {

    /**
     * A server course's copy on this computer, in words, with a fraction for its bar (-1: not known) and the state
     * that says which actions apply.
     */
    public record DownloadLine(CourseDownload.State state, String text, double fraction, boolean downloading) {

        public DownloadLine {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(text, "text");
        }

        public boolean canCancel() {
            return state == CourseDownload.State.INCOMPLETE;
        }

        public boolean canResume() {
            return state == CourseDownload.State.PAUSED;
        }

        public boolean canRemove() {
            return state != CourseDownload.State.REMOVED;
        }

        public boolean canDownloadAgain() {
            return state == CourseDownload.State.REMOVED;
        }

        /** Whether a bar shows: while media is missing. */
        public boolean showsBar() {
            return state == CourseDownload.State.INCOMPLETE || state == CourseDownload.State.PAUSED;
        }
    }

    public LibraryRow {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(progress, "progress");
    }

    /** A course of this computer's own. */
    public LibraryRow(CourseId courseId, String title, String description, String state, BigDecimal progress) {
        this(courseId, title, description, state, progress, null);
    }

    static LibraryRow of(LibraryEntry entry, DownloadLine download, LibraryTexts texts) {
        return new LibraryRow(entry.course().id(), entry.course().title(), entry.course().shortDescription(),
                texts.text(entry.enrollment().map(LibraryRow::stateKey).orElse("state.notStarted")), entry.progress(),
                download);
    }

    LibraryRow withDownload(DownloadLine line) {
        return new LibraryRow(courseId, title, description, state, progress, line);
    }

    private static String stateKey(Enrollment enrollment) {
        return switch (enrollment.status()) {
            case ACTIVE -> "state.active";
            case COMPLETED -> "state.completed";
            case DROPPED -> "state.dropped";
            case EXPIRED -> "state.expired";
        };
    }

    /** 0 to 1, for a progress bar. */
    public double fraction() {
        return progress.doubleValue() / 100.0;
    }

    /** Whole percent, rounded down so that a course shows 100 % only when it is complete. */
    public int wholePercent() {
        return progress.setScale(0, RoundingMode.DOWN).intValueExact();
    }

    /** Whether the title, description or state contains {@code filter}, ignoring case; a blank filter matches all. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return (title + "\n" + description + "\n" + state).toLowerCase(Locale.ROOT).contains(wanted);
    }
}
