package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.search.IndexListener;
import edu.sevenp.desktop.search.IndexStatus;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.SearchResults;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search as the learner types: a key after a pause searches at once, on the background executor; keys that follow
 * within {@link #DEBOUNCE} of a search wait for that quiet window to end and search once for the text then. The hits
 * come back with where they are, and the index's status (building, updating) is shown while it lasts. A search that a
 * newer one overtook before it ran, or while it ran, is dropped without building its rows, so the last key's search
 * never waits behind the searches of earlier keys.
 * The search service is obtained on the background executor, because the app's supplier blocks until
 * the index is open.
 */
public final class SearchViewModel {

    /**
     * The quiet window after a search: keys within it search once at its end, for the text then. A key after it
     * searches at once: a timer before every search (a pause of 30 ms, ending on the next JavaFX pulse) made 40 of the
     * 60 ms from a key to its results (docs/benchmarks.md); a burst of keys (a paste, a held key) still searches only
     * at its start and its end.
     */
    public static final Duration DEBOUNCE = Duration.ofMillis(30);
    /** Most results shown. */
    static final int LIMIT = 50;

    private final Supplier<SearchService> searchSupplier;
    private final HitContexts contexts;
    private final UiExecutors executors;
    private final UiScheduler scheduler;
    private final Consumer<SearchHit> onOpen;
    private final IndexListener indexListener;
    private final Messages messages = Messages.of(SearchViewModel.class);
    /** Lets an older search that finishes after a newer one drop its result. */
    private final AtomicLong searches = new AtomicLong();

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty thisCourseOnly = new SimpleBooleanProperty(this, "thisCourseOnly", false);
    private final ObjectProperty<CourseId> currentCourse = new SimpleObjectProperty<>(this, "currentCourse");
    private final ObservableList<SearchRow> results = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding messageIsFailure = failures.shownBy(message);
    private final ObjectProperty<IndexStatus> indexStatus = new SimpleObjectProperty<>(this, "indexStatus");
    private final StringProperty indexStatusText = new SimpleStringProperty(this, "indexStatusText", "");
    private final DoubleProperty indexProgress = new SimpleDoubleProperty(this, "indexProgress", 1.0);
    private final BooleanProperty indexing = new SimpleBooleanProperty(this, "indexing", false);
    private final BooleanProperty searching = new SimpleBooleanProperty(this, "searching", false);

    private SearchService service;
    /** The quiet window after the last search, while it lasts. */
    private UiScheduler.Cancellable pending;
    /** A key came during the quiet window: search again at its end. */
    private boolean keyInWindow;
    /** The last results were partial: search again when the index is ready. */
    private boolean resultsIncomplete;

    /**
     * @param search gives the profile's search service; called once, on the background executor (it may block)
     * @param courses names the course, section and lesson of each hit
     * @param scheduler debounces typing; {@link FxUiScheduler} in the app
     * @param onOpen called on the UI thread with the hit the learner opens
     */
    public SearchViewModel(Supplier<SearchService> search, CourseService courses, UiExecutors executors,
            UiScheduler scheduler, Consumer<SearchHit> onOpen) {
        this.searchSupplier = Objects.requireNonNull(search, "search");
        this.contexts = new HitContexts(Objects.requireNonNull(courses, "courses"));
        this.executors = Objects.requireNonNull(executors, "executors");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
        this.indexListener = status -> executors.ui().execute(() -> showStatus(status));
        query.addListener((property, old, text) -> searchSoon());
        thisCourseOnly.addListener((property, old, only) -> searchNow());
        currentCourse.addListener((property, old, course) -> {
            if (thisCourseOnly.get()) {
                searchNow();
            }
        });
    }

    /** Opens the search service in the background and starts showing the index's status. */
    public void start() {
        executors.load(this::service, opened -> { }, failure -> message.set(failed(failure)));
    }

    /** Stops listening to the index; call when the view is thrown away. */
    public void dispose() {
        cancelPending();
        SearchService opened;
        synchronized (this) {
            opened = service;
        }
        if (opened != null) {
            opened.removeListener(indexListener);
        }
    }

    private synchronized SearchService service() {
        if (service == null) {
            SearchService opened = Objects.requireNonNull(searchSupplier.get(), "search service");
            opened.addListener(indexListener);
            service = opened;
        }
        return service;
    }

    /** The course the learner is in, for "this course only"; null outside a course. */
    public void setCurrentCourse(CourseId course) {
        currentCourse.set(course);
    }

    /** Empties the field and the results. */
    public void clear() {
        query.set("");
    }

    /** Opens {@code row}'s hit; nothing when no row is chosen. */
    public void open(SearchRow row) {
        if (row != null) {
            onOpen.accept(row.hit());
        }
    }

    private void searchSoon() {
        if (query.get().isBlank()) {
            searchNow();
            return;
        }
        if (pending != null) {
            keyInWindow = true;
            return;
        }
        searchNow();
        openQuietWindow();
    }

    private void openQuietWindow() {
        pending = scheduler.schedule(DEBOUNCE, () -> {
            pending = null;
            if (keyInWindow) {
                keyInWindow = false;
                searchNow();
                openQuietWindow();
            }
        });
    }

    private void cancelPending() {
        keyInWindow = false;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** Searches for the current text at once (a key after a pause, the end of a quiet window, a changed scope). */
    public void searchNow() {
        cancelPending();
        long request = searches.incrementAndGet();
        String text = query.get();
        if (text.isBlank()) {
            results.clear();
            message.set("");
            searching.set(false);
            resultsIncomplete = false;
            return;
        }
        CourseId scope = thisCourseOnly.get() ? currentCourse.get() : null;
        searching.set(true);
        executors.load(() -> {
            // A newer key overtook this search while it waited, or while it ran: its rows are not needed.
            if (request != searches.get()) {
                return Optional.<Found>empty();
            }
            SearchResults found = service().search(text, LIMIT, scope);
            if (request != searches.get()) {
                return Optional.<Found>empty();
            }
            return Optional.of(new Found(contexts.rows(found.hits()), found.complete()));
        }, found -> {
            if (request == searches.get()) {
                found.ifPresent(rows -> show(text, rows));
            }
        }, failure -> {
            if (request == searches.get()) {
                searching.set(false);
                results.clear();
                message.set(failed(failure));
            }
        });
    }

    private void show(String text, Found found) {
        searching.set(false);
        resultsIncomplete = !found.complete();
        results.setAll(found.rows());
        if (found.rows().isEmpty()) {
            message.set(messages.format(found.complete() ? "noResults" : "noResultsYet", text.strip()));
        } else {
            message.set(found.complete() ? "" : messages.get("partialResults"));
        }
    }

    private void showStatus(IndexStatus status) {
        indexStatus.set(status);
        indexing.set(status.incomplete());
        indexProgress.set(status.fraction());
        indexStatusText.set(switch (status.state()) {
            case READY -> "";
            case REBUILDING -> messages.format("index.building", status.fraction());
            case UPDATING -> messages.format("index.updating", status.done(), status.total());
            case FAILED -> messages.get("index.failed");
        });
        if (status.state() == IndexStatus.State.READY && resultsIncomplete) {
            searchNow();
        }
    }

    private String failed(RuntimeException failure) {
        return failures.mark(messages.format("unavailable", ProblemText.ofDefaultLocale().shown(failure)));
    }

    /** What the learner typed. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Search only the current course (no effect outside a course). */
    public BooleanProperty thisCourseOnlyProperty() {
        return thisCourseOnly;
    }

    public ReadOnlyObjectProperty<CourseId> currentCourseProperty() {
        return currentCourse;
    }

    public ObservableList<SearchRow> results() {
        return results;
    }

    /** "No results for …", a failure, or a note that results are partial; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while {@link #messageProperty()} says searching failed (not "No results for …"). */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    /** The index's status; null until the service is open. */
    public ReadOnlyObjectProperty<IndexStatus> indexStatusProperty() {
        return indexStatus;
    }

    /** "Building the search index… 40 %" while it is built or updated; empty when ready. */
    public ReadOnlyStringProperty indexStatusTextProperty() {
        return indexStatusText;
    }

    /** 0 to 1 while the index is built or updated. */
    public ReadOnlyDoubleProperty indexProgressProperty() {
        return indexProgress;
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    private record Found(List<SearchRow> rows, boolean complete) {
    }
}
