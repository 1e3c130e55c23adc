package edu.sevenp.desktop.ui.preview;

import edu.sevenp.coursepackage.readiness.ReadinessItem;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.coursepackage.readiness.Severity;
import edu.sevenp.coursepackage.readiness.Totals;
import edu.sevenp.desktop.library.ProblemWords;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.model.LessonId;
import java.util.Comparator;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The readiness panel's state: the last report of the previewed package (issue 11), its errors first and then its
 * warnings, each line {@code file:line field — message}, a summary and the totals. Use it on the JavaFX thread.
 */
public final class ReadinessViewModel {

    /** One line of the panel, and the lesson choosing it opens, when it belongs to one. */
    public record Line(Severity severity, String text, Optional<LessonId> lesson) {

        @Override
        public String toString() {
            return text;
        }
    }

    private final Messages messages = Messages.of(ReadinessViewModel.class);
    /** An error from the package rules in the learner's language; the warnings' own words are English still. */
    private final ProblemWords problemWords = ProblemWords.ofDefaultLocale();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final SimpleStringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final SimpleStringProperty totals = new SimpleStringProperty(this, "totals", "");

    public ReadinessViewModel() {
        summary.set(messages.get("readiness.checking"));
    }

    /** Shows {@code report} in place of the last one. */
    public void show(ReadinessReport report) {
        // The report lists errors first already; the panel does not depend on it.
        lines.setAll(report.items().stream()
                .sorted(Comparator.comparing(ReadinessItem::severity))
                .map(this::line)
                .toList());
        summary.set(messages.format("readiness.summary", report.errors().size(), report.warnings().size()));
        Totals sums = report.totals();
        totals.set(messages.format("readiness.totals", megabytes(sums.downloadBytes()), sums.lessons(), sums.quizzes(),
                sums.estimatedHours()));
    }

    /** The check itself failed (the folder is gone, say): says so, and lists nothing. */
    public void failed(String why) {
        lines.clear();
        summary.set(messages.format("readiness.failed", why));
        totals.set("");
    }

    private Line line(ReadinessItem item) {
        String severity = messages.get(item.severity() == Severity.ERROR ? "readiness.error" : "readiness.warning");
        String message = item.problem().map(problemWords::message).orElse(item.message());
        String where = item.location() + (item.field().isEmpty() ? "" : " " + item.field());
        return new Line(item.severity(), severity + " " + where + " \u2014 " + message, item.lessonId().map(LessonId::of));
    }

    private static double megabytes(long bytes) {
        return bytes / 1_000_000.0;
    }

    /** Errors first, then warnings; within each, in the order of their files. */
    public ObservableList<Line> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** "2 errors, 3 warnings", or that the package is being checked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Download size, lessons, quizzes and estimated hours. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }
}
