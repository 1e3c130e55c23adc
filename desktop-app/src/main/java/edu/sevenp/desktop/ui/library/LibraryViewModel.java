package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.learning.DashboardService;
import edu.sevenp.desktop.learning.LibraryEntry;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The learner's library: every course with its progress, a dashboard summary, and a filter. Reads run on
 * the background executor; opening a course is handed to whoever hosts the library.
 */
public final class LibraryViewModel {

    static final String EMPTY_LIBRARY =
            "Your library is empty. Import a course package with: sevenp --import <folder or .zip>";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CourseService courses;
    private final DashboardService dashboard;
    private final UiExecutors executors;
    private final Clock clock;
    private final Consumer<CourseId> onOpenCourse;
    /** Lets a slow refresh that was overtaken by a newer one drop its result. */
    private final AtomicLong refreshes = new AtomicLong();

    private final ObservableList<LibraryRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<LibraryRow> rows = new FilteredList<>(allRows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<LibrarySummary> summary = new SimpleObjectProperty<>(this, "summary", LibrarySummary.EMPTY);
    private final StringProperty inProgressText = new SimpleStringProperty(this, "inProgressText", "");
    private final StringProperty completedText = new SimpleStringProperty(this, "completedText", "");
    private final StringProperty lessonsText = new SimpleStringProperty(this, "lessonsText", "");
    private final StringProperty studyTimeText = new SimpleStringProperty(this, "studyTimeText", "");
    private final StringProperty recentText = new SimpleStringProperty(this, "recentText", "");
    private final StringProperty emptyMessage = new SimpleStringProperty(this, "emptyMessage", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private boolean loaded;

    /**
     * @param clock gives "today" and the time zone for the recent-activity date
     * @param onOpenCourse called on the UI thread when the learner opens a course
     */
    public LibraryViewModel(CourseService courses, DashboardService dashboard, UiExecutors executors, Clock clock,
            Consumer<CourseId> onOpenCourse) {
        this.courses = Objects.requireNonNull(courses, "courses");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onOpenCourse = Objects.requireNonNull(onOpenCourse, "onOpenCourse");
        filter.addListener((property, old, text) -> {
            rows.setPredicate(row -> row.matches(text));
            updateEmptyMessage();
        });
        summary.addListener((property, old, now) -> describe(now));
        describe(LibrarySummary.EMPTY);
    }

    /** Reads the library and the dashboard again (after an import, a sync, or coming back from a course). */
    public void refresh() {
        long request = refreshes.incrementAndGet();
        loading.set(true);
        executors.load(this::read, snapshot -> {
            if (request == refreshes.get()) {
                show(snapshot);
            }
        }, failure -> {
            if (request == refreshes.get()) {
                fail(failure);
            }
        });
    }

    /** Opens {@code row}'s course; nothing when no row is chosen. */
    public void open(LibraryRow row) {
        if (row != null) {
            onOpenCourse.accept(row.courseId());
        }
    }

    private Snapshot read() {
        List<LibraryEntry> library = courses.library();
        // The dashboard has no lesson count; the outlines of the courses the learner takes have one each.
        long lessonsCompleted = library.stream().filter(entry -> entry.enrollment().isPresent())
                .mapToLong(entry -> courses.outline(entry.course().id())
                        .map(CourseProgressOutline::completedLessons).orElse(0L))
                .sum();
        return new Snapshot(library.stream().map(LibraryRow::of).toList(),
                LibrarySummary.of(library, dashboard.dashboard(), lessonsCompleted));
    }

    private void show(Snapshot snapshot) {
        loading.set(false);
        loaded = true;
        error.set("");
        allRows.setAll(snapshot.rows());
        summary.set(snapshot.summary());
        updateEmptyMessage();
    }

    private void fail(RuntimeException e) {
        loading.set(false);
        error.set("The library could not be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private void updateEmptyMessage() {
        if (!loaded) {
            emptyMessage.set("");
        } else if (allRows.isEmpty()) {
            emptyMessage.set(EMPTY_LIBRARY);
        } else if (rows.isEmpty()) {
            emptyMessage.set("No course matches \"" + filter.get().strip() + "\".");
        } else {
            emptyMessage.set("");
        }
    }

    private void describe(LibrarySummary now) {
        inProgressText.set(now.inProgress() + (now.inProgress() == 1 ? " course" : " courses") + " in progress");
        completedText.set(now.completed() + " completed");
        lessonsText.set(now.lessonsCompleted() + (now.lessonsCompleted() == 1 ? " lesson" : " lessons") + " completed");
        studyTimeText.set(LibrarySummary.duration(now.studySeconds()) + " studied");
        recentText.set(now.lastStudied()
                .map(recent -> "Last studied: " + recent.title() + " · " + day(recent.at().atZoneSameInstant(clock.getZone()).toLocalDate()))
                .orElse("Nothing studied yet"));
    }

    private String day(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.equals(today)) {
            return "today";
        }
        return date.equals(today.minusDays(1)) ? "yesterday" : DAY.format(date);
    }

    /** The courses shown, after the filter. */
    public ObservableList<LibraryRow> rows() {
        return rows;
    }

    /** What the learner typed in the filter field. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<LibrarySummary> summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty inProgressTextProperty() {
        return inProgressText;
    }

    public ReadOnlyStringProperty completedTextProperty() {
        return completedText;
    }

    public ReadOnlyStringProperty lessonsTextProperty() {
        return lessonsText;
    }

    public ReadOnlyStringProperty studyTimeTextProperty() {
        return studyTimeText;
    }

    public ReadOnlyStringProperty recentTextProperty() {
        return recentText;
    }

    /** Why the list is empty (no course, or none matching the filter); empty while it shows courses. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    /** Empty unless the last refresh failed. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    private record Snapshot(List<LibraryRow> rows, LibrarySummary summary) {
    }
}
