package edu.sevenp.desktop.ui.statistics;

import edu.sevenp.desktop.sync.InstructorStatistics;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The course statistics screen: the instructor's courses, and for the chosen one its figures, how far its learners
 * got, where they stopped and which questions they missed. Read in the background from the server, or, when it
 * cannot be reached, from the copy kept on this computer with its date; the properties change on the UI thread.
 */
public final class StatisticsViewModel {

    private static final int LABEL_LENGTH = 40;

    private final InstructorStatistics statistics;
    private final UiExecutors executors;
    private final Clock clock;
    private final StatisticsTexts texts;
    private final AtomicLong requests = new AtomicLong();

    private final ObservableList<CourseFigures> courses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CourseFigures> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<InstructorStatistics.Dated<CourseStatistics>> shown = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Bar> progress = FXCollections.observableArrayList();
    private final ObservableList<Bar> lessons = FXCollections.observableArrayList();
    private final ObservableList<MissedRow> missed = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper enrollmentsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper completionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ratingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper revenueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    public StatisticsViewModel(InstructorStatistics statistics, UiExecutors executors, Clock clock, StatisticsTexts texts) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** Reads the courses again, then the chosen course's figures (the first course's when none is chosen). */
    public void refresh() {
        long request = requests.incrementAndGet();
        loading.set(true);
        status.set(texts.text("loading"));
        executors.load(statistics::courses, dated -> {
            if (request != requests.get()) {
                return;
            }
            CourseFigures before = selected.get();
            courses.setAll(dated.value());
            Optional<CourseFigures> again = dated.value().stream()
                    .filter(course -> before != null && course.courseId().equals(before.courseId())).findFirst();
            CourseFigures chosen = again.orElse(dated.value().isEmpty() ? null : dated.value().get(0));
            if (chosen == null) {
                loading.set(false);
                selected.set(null);
                clear();
                status.set(texts.text(dated.cached() ? "empty.cached" : "empty"));
                return;
            }
            select(chosen);
        }, failure -> failed(request, failure));
    }

    /** Shows {@code course}'s statistics, read afresh; nothing when none is chosen. */
    public void select(CourseFigures course) {
        if (course == null) {
            return;
        }
        long request = requests.incrementAndGet();
        selected.set(course);
        loading.set(true);
        status.set(texts.text("loading"));
        executors.load(() -> statistics.course(new CourseId(course.courseId())), dated -> {
            if (request == requests.get()) {
                show(dated);
            }
        }, failure -> failed(request, failure));
    }

    /** Writes the statistics shown as one CSV file; says so (or what went wrong) in the status. */
    public void export(Path file) {
        InstructorStatistics.Dated<CourseStatistics> current = shown.get();
        if (current == null || file == null) {
            return;
        }
        String csv = new StatisticsCsv(texts).write(current.value(), current.fetchedAt());
        executors.load(() -> {
            try {
                Files.writeString(file, csv, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, written -> status.set(texts.text("exported", written.getFileName())),
                failure -> status.set(texts.text("exportFailed", ProblemText.ofDefaultLocale().shownReason(failure))));
    }

    private void show(InstructorStatistics.Dated<CourseStatistics> dated) {
        loading.set(false);
        shown.set(dated);
        CourseStatistics value = dated.value();
        CourseFigures figures = value.figures();
        enrollmentsText.set(texts.text("figure.enrollments", figures.enrollments()));
        completionText.set(texts.text("figure.completion", texts.number(figures.completionRate()), figures.completions()));
        ratingText.set(figures.averageRating() == null ? texts.text("figure.rating.none")
                : texts.text("figure.rating", texts.number(figures.averageRating()), figures.reviews()));
        revenueText.set(texts.text("figure.revenue", texts.number(figures.revenue()), figures.currency()));
        progress.setAll(value.progress().stream().map(bucket -> new Bar(bucket.from() == 100 ? texts.text("bucket.full")
                : texts.text("bucket", bucket.from(), bucket.to()), bucket.learners())).toList());
        List<CourseStatistics.LessonReach> reach = value.lessons();
        lessons.setAll(java.util.stream.IntStream.range(0, reach.size())
                .mapToObj(i -> new Bar(texts.text("lesson.label", i + 1, shortened(reach.get(i).title())), reach.get(i).reached()))
                .toList());
        missed.setAll(value.missedQuestions().stream()
                .map(question -> new MissedRow(question.quizTitle(), question.text(), question.wrong(), question.answered()))
                .toList());
        String when = texts.dateTime(dated.fetchedAt(), clock.getZone());
        asOf.set(texts.text(dated.cached() ? "asOf.cached" : "asOf", when));
        status.set(dated.cached() ? texts.text("offline") : "");
    }

    /** A lesson's title short enough to stand beside its bar; the whole title is in the CSV. */
    private static String shortened(String title) {
        return title.length() <= LABEL_LENGTH ? title : title.substring(0, LABEL_LENGTH - 1).strip() + "\u2026";
    }

    private void failed(long request, RuntimeException failure) {
        if (request != requests.get()) {
            return;
        }
        loading.set(false);
        if (failure instanceof SyncFailure sync && sync.code().filter("role_required"::equals).isPresent()) {
            courses.clear();
            clear();
            status.set(texts.text("roleRequired"));
            return;
        }
        status.set(texts.text("error", ProblemText.ofDefaultLocale().shownReason(failure)));
    }

    private void clear() {
        shown.set(null);
        progress.clear();
        lessons.clear();
        missed.clear();
        enrollmentsText.set("");
        completionText.set("");
        ratingText.set("");
        revenueText.set("");
        asOf.set("");
    }

    public ObservableList<CourseFigures> courses() {
        return courses;
    }

    public ReadOnlyObjectProperty<CourseFigures> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The statistics shown with their date, or null. */
    public ReadOnlyObjectProperty<InstructorStatistics.Dated<CourseStatistics>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<Bar> progress() {
        return progress;
    }

    public ObservableList<Bar> lessons() {
        return lessons;
    }

    public ObservableList<MissedRow> missed() {
        return missed;
    }

    public ReadOnlyStringProperty enrollmentsTextProperty() {
        return enrollmentsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completionTextProperty() {
        return completionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratingTextProperty() {
        return ratingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revenueTextProperty() {
        return revenueText.getReadOnlyProperty();
    }

    /** "As of 6 Dec 2026, 10:05", or that these are the figures kept from then. */
    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
