package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.learning.DashboardService;
import edu.sevenp.desktop.learning.LibraryEntry;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.media.CourseDownload;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.model.CourseId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
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

    /** The learner's language, taken when the library is made. */
    private final LibraryTexts texts = LibraryTexts.inDefaultLocale();

    private final CourseService courses;
    private final DashboardService dashboard;
    private final UiExecutors executors;
    private final Clock clock;
    private final Consumer<CourseId> onOpenCourse;
    private final CourseDownloads downloads;
    private final PackageImport imports;
    /** The bytes of each server course's media, for the question before removing it. */
    private Map<CourseId, Long> downloadSizes = Map.of();
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
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The last failure {@link #message} told; while it still tells it, the view offers the log. */
    private final StringProperty failureTold = new SimpleStringProperty(this, "failureTold", "");
    private final BooleanBinding messageIsFailure = Bindings.createBooleanBinding(
            () -> !message.get().isEmpty() && message.get().equals(failureTold.get()), message, failureTold);
    private final BooleanProperty importing = new SimpleBooleanProperty(this, "importing", false);
    private final DoubleProperty importProgress = new SimpleDoubleProperty(this, "importProgress", -1);
    private final StringProperty importText = new SimpleStringProperty(this, "importText", "");
    private final StringProperty importError = new SimpleStringProperty(this, "importError", "");
    private boolean loaded;
    private boolean wasSyncing;
    /** The course the media stage works on now, as its last report said; shown again after a refresh. */
    private SyncProgress.CourseProgress downloading;
    /** Courses whose first download made the library read itself again, once each. */
    private final java.util.Set<CourseId> arrived = new java.util.HashSet<>();

    /**
     * @param clock gives "today" and the time zone for the recent-activity date
     * @param onOpenCourse called on the UI thread when the learner opens a course
     */
    public LibraryViewModel(CourseService courses, DashboardService dashboard, UiExecutors executors, Clock clock,
            Consumer<CourseId> onOpenCourse) {
        this(courses, dashboard, executors, clock, onOpenCourse, null, null);
    }

    /**
     * @param downloads the profile's server courses on this computer, or null (no download lines or actions)
     * @param imports imports packages from disk, or null (no import)
     */
    public LibraryViewModel(CourseService courses, DashboardService dashboard, UiExecutors executors, Clock clock,
            Consumer<CourseId> onOpenCourse, CourseDownloads downloads, PackageImport imports) {
        this.downloads = downloads;
        this.imports = imports;
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

    /**
     * The engine's status: while the media stage works on a course, its row shows how far it is; when a sync ends,
     * the rows are read again (a course arrived, a download finished).
     */
    public void syncStatus(SyncStatus status) {
        boolean syncing = status.syncing();
        SyncProgress progress = status.progress();
        downloading = syncing && progress != null ? progress.course() : null;
        if (downloading != null) {
            showDownloading(downloading);
        }
        if (wasSyncing && !syncing && loaded) {
            refresh();
        }
        wasSyncing = syncing;
    }

    private void showDownloading(SyncProgress.CourseProgress progress) {
        CourseId course = new CourseId(progress.courseId());
        if (loaded && allRows.stream().noneMatch(row -> row.courseId().equals(course)) && arrived.add(course)) {
            // A course that arrived with this sync: the library lists it now, and its progress from the next report.
            refresh();
            return;
        }
        for (int i = 0; i < allRows.size(); i++) {
            LibraryRow row = allRows.get(i);
            if (row.courseId().equals(course) && row.download() != null && row.download().state() != CourseDownload.State.REMOVED
                    && row.download().state() != CourseDownload.State.PAUSED) {
                allRows.set(i, row.withDownload(new LibraryRow.DownloadLine(CourseDownload.State.INCOMPLETE,
                        texts.text("download.downloading", texts.size(progress.done()),
                                texts.size(progress.total()), progress.filesDone(), progress.filesTotal()),
                        progress.fraction(), true)));
            }
        }
    }

    /** Cancels the row's media download (what arrived stays). */
    public void cancelDownload(LibraryRow row) {
        act(row, () -> downloads.cancel(row.courseId()), "download.cancelled");
    }

    /** Goes on with a cancelled download from where it stopped. */
    public void resumeDownload(LibraryRow row) {
        act(row, () -> downloads.resume(row.courseId()), "download.resumed");
    }

    /** Removes the row's download from this computer (ask first: {@link #removeQuestion}); notes and progress stay. */
    public void removeDownload(LibraryRow row) {
        act(row, () -> downloads.remove(row.courseId()), "download.removed.done");
    }

    /** Downloads a removed course again: enrolls it on the server (again) and syncs. */
    public void downloadAgain(LibraryRow row) {
        act(row, () -> downloads.download(row.courseId()), "download.again.started");
    }

    /** What to ask before removing the row's download: the question and what it means for the learner's records. */
    public List<String> removeQuestion(LibraryRow row) {
        long bytes = row.download() == null ? 0 : Math.max(0, downloadBytes(row));
        return List.of(texts.text("remove.question", row.title()),
                texts.text("remove.details", row.title(), texts.size(bytes)));
    }

    private long downloadBytes(LibraryRow row) {
        return downloadSizes.getOrDefault(row.courseId(), 0L);
    }

    private void act(LibraryRow row, Runnable action, String doneKey) {
        if (row == null || downloads == null || row.download() == null) {
            return;
        }
        message.set("");
        executors.load(() -> {
            action.run();
            return Boolean.TRUE;
        }, done -> {
            message.set(texts.text(doneKey, row.title()));
            refresh();
        }, failure -> tellFailure(texts.text("download.failed", row.title(),
                ProblemText.ofDefaultLocale().shown(failure))));
    }

    /** Imports the package at {@code path} (a .zip, a folder or its manifest.json) in the background, with progress. */
    public void importPackage(Path path) {
        if (imports == null || importing.get()) {
            return;
        }
        if (!PackageImport.mayBePackage(path)) {
            importError.set(texts.text("import.notAPackage", path));
            return;
        }
        importing.set(true);
        importError.set("");
        message.set("");
        String name = String.valueOf(PackageImport.packageOf(path).getFileName());
        importText.set(texts.text("import.checking", name));
        importProgress.set(-1);
        executors.load(() -> imports.run(path, progress -> executors.ui().execute(() -> showImport(name, progress))),
                imported -> {
                    importing.set(false);
                    message.set(imported.summary());
                    refresh();
                }, failure -> {
                    importing.set(false);
                    importError.set(ProblemText.ofDefaultLocale().shown(failure, texts.text("import.failed")));
                });
    }

    private void showImport(String name, PackageImport.Progress progress) {
        switch (progress.phase()) {
            case CHECKING -> {
                importText.set(texts.text("import.checking", name));
                importProgress.set(-1);
            }
            case COPYING -> {
                importText.set(texts.text("import.copying", progress.filesDone(), progress.files()));
                importProgress.set(progress.files() == 0 ? -1 : (double) progress.filesDone() / progress.files());
            }
            case SAVING -> {
                importText.set(texts.text("import.saving"));
                importProgress.set(-1);
            }
            default -> throw new IllegalStateException("unknown import phase " + progress.phase());
        }
    }

    /** Whether this library can import packages. */
    public boolean canImport() {
        return imports != null;
    }

    private Snapshot read() {
        List<LibraryEntry> library = courses.library();
        Map<CourseId, CourseDownload> copies = downloads == null ? Map.of() : downloads.list();
        // The dashboard has no lesson count; the outlines of the courses the learner takes have one each.
        long lessonsCompleted = library.stream().filter(entry -> entry.enrollment().isPresent())
                .mapToLong(entry -> courses.outline(entry.course().id())
                        .map(CourseProgressOutline::completedLessons).orElse(0L))
                .sum();
        return new Snapshot(library.stream().map(entry -> LibraryRow.of(entry, line(copies.get(entry.course().id())), texts))
                .toList(), LibrarySummary.of(library, dashboard.dashboard(), lessonsCompleted),
                copies.values().stream().collect(Collectors.toMap(CourseDownload::course, CourseDownload::bytesTotal)));
    }

    private LibraryRow.DownloadLine line(CourseDownload copy) {
        if (copy == null) {
            return null;
        }
        String done = texts.size(copy.bytesDone());
        String total = texts.size(copy.bytesTotal());
        String text = switch (copy.state()) {
            case COMPLETE -> copy.filesTotal() == 0 ? texts.text("download.completeNoMedia")
                    : texts.text("download.complete", total);
            case INCOMPLETE -> texts.text("download.incomplete", done, total);
            case PAUSED -> texts.text("download.paused", done, total);
            case REMOVED -> texts.text("download.removed");
        };
        return new LibraryRow.DownloadLine(copy.state(), text, copy.fraction(), false);
    }

    private void show(Snapshot snapshot) {
        loading.set(false);
        loaded = true;
        error.set("");
        allRows.setAll(snapshot.rows());
        downloadSizes = snapshot.sizes();
        if (downloading != null) {
            showDownloading(downloading);
        }
        summary.set(snapshot.summary());
        updateEmptyMessage();
    }

    private void tellFailure(String text) {
        failureTold.set(text);
        message.set(text);
    }

    private void fail(RuntimeException e) {
        loading.set(false);
        error.set(ProblemText.ofDefaultLocale().shown(e, texts.text("error")));
    }

    private void updateEmptyMessage() {
        if (!loaded) {
            emptyMessage.set("");
        } else if (allRows.isEmpty()) {
            emptyMessage.set(texts.text("empty.library"));
        } else if (rows.isEmpty()) {
            emptyMessage.set(texts.text("empty.filter", filter.get().strip()));
        } else {
            emptyMessage.set("");
        }
    }

    private void describe(LibrarySummary now) {
        inProgressText.set(texts.text("summary.inProgress", now.inProgress()));
        completedText.set(texts.text("summary.completed", now.completed()));
        lessonsText.set(texts.text("summary.lessons", now.lessonsCompleted()));
        studyTimeText.set(texts.text("summary.studied", texts.duration(now.studySeconds())));
        recentText.set(now.lastStudied()
                .map(recent -> texts.text("summary.recent", recent.title(),
                        texts.day(recent.at().atZoneSameInstant(clock.getZone()).toLocalDate(), LocalDate.now(clock))))
                .orElseGet(() -> texts.text("summary.noRecent")));
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

    /** What the last action or import came to, or empty. */
    /** Whether the message says why something failed (a download that could not start). */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing;
    }

    /** How far the import is, 0 to 1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress;
    }

    public ReadOnlyStringProperty importTextProperty() {
        return importText;
    }

    /** Why the last import failed, in full (every problem of a broken package), or empty. */
    public ReadOnlyStringProperty importErrorProperty() {
        return importError;
    }

    private record Snapshot(List<LibraryRow> rows, LibrarySummary summary, Map<CourseId, Long> sizes) {
    }
}
