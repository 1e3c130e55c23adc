package edu.sevenp.desktop.ui.catalog;

import edu.sevenp.desktop.sync.CatalogSearch;
import edu.sevenp.desktop.sync.ServerCatalog;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.media.CourseDownload;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

/**
 * The server's catalog: a search field with category and difficulty filters over its published courses, and
 * downloading one for offline use after saying its size and the free space here. Signed out or offline, it says so
 * plainly and asks nothing of the network; the library works either way. Reads run on the background executor.
 */
public final class CatalogViewModel {

    /** Courses asked for a page at a time. */
    static final int PAGE_SIZE = 20;

    /** Whether the catalog can be shown. */
    public enum Availability { SIGNED_OUT, OFFLINE, READY }

    /** A download the learner is asked to confirm: the course, the question, and whether it fits on the disk. */
    public record Offer(CatalogRow row, String question, String room, boolean fits) {
    }

    private final Supplier<ServerCatalog> catalog;
    private final CourseDownloads downloads;
    private final UiExecutors executors;
    /** The learner's language, taken when the catalog is made. */
    private final CatalogTexts texts = CatalogTexts.inDefaultLocale();
    /** Lets a slow search overtaken by a newer one drop its result. */
    private final AtomicLong searches = new AtomicLong();

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Choice> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<Choice> difficulty = new SimpleObjectProperty<>(this, "difficulty");
    private final ObservableList<Choice> categories = FXCollections.observableArrayList();
    private final ObservableList<Choice> difficulties = FXCollections.observableArrayList();
    private final ObservableList<CatalogRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Availability> availability = new SimpleObjectProperty<>(this, "availability",
            Availability.SIGNED_OUT);
    private final StringProperty notice = new SimpleStringProperty(this, "notice", texts.text("signedOut"));
    private final StringProperty resultText = new SimpleStringProperty(this, "resultText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The last failure the notice or the message told; while one still tells it, the view offers the log. */
    private final StringProperty failureTold = new SimpleStringProperty(this, "failureTold", "");
    private final BooleanBinding noticeIsFailure = told(notice);
    private final BooleanBinding messageIsFailure = told(message);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore", false);
    private final ObjectProperty<Offer> offer = new SimpleObjectProperty<>(this, "offer");
    private boolean shown;
    private boolean signedIn;
    private boolean categoriesLoaded;
    private CatalogSearch lastSearch;
    /** The live download of a course, from the engine's status, so that a new search keeps showing it. */
    private SyncProgress.CourseProgress downloading;

    /**
     * @param catalog the signed-in server's catalog (asked each time: the learner may sign in or out meanwhile)
     * @param downloads the profile's server courses on this computer
     */
    public CatalogViewModel(Supplier<ServerCatalog> catalog, CourseDownloads downloads, UiExecutors executors) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.executors = Objects.requireNonNull(executors, "executors");
        Choice anyCategory = new Choice(null, texts.text("category.all"));
        categories.add(anyCategory);
        category.set(anyCategory);
        difficulties.addAll(new Choice(null, texts.text("difficulty.all")),
                new Choice("beginner", texts.text("difficulty.beginner")),
                new Choice("intermediate", texts.text("difficulty.intermediate")),
                new Choice("advanced", texts.text("difficulty.advanced")));
        difficulty.set(difficulties.get(0));
        category.addListener((property, old, now) -> searchIfShown());
        difficulty.addListener((property, old, now) -> searchIfShown());
    }

    /** The catalog shows (its tab was chosen): read it, when signed in. */
    public void show() {
        shown = true;
        if (signedIn) {
            search();
        } else {
            showSignedOut();
        }
    }

    /** The catalog is hidden: searches wait until it shows again. */
    public void hide() {
        shown = false;
    }

    /**
     * The engine's status: whether the profile is signed in (the catalog is the server's), and how far the course it
     * downloads is; when a sync ends, the rows say again which courses are on this computer.
     */
    public void syncStatus(SyncStatus status) {
        boolean nowSignedIn = status.account() != null;
        boolean changed = nowSignedIn != signedIn;
        signedIn = nowSignedIn;
        if (changed) {
            categoriesLoaded = false;
            if (!signedIn) {
                showSignedOut();
            } else if (shown) {
                search();
            }
        }
        SyncProgress progress = status.progress();
        if (status.syncing() && progress != null && progress.course() != null) {
            downloading = progress.course();
            showDownloading(progress.course());
        } else if (!status.syncing() && downloading != null) {
            downloading = null;
            if (shown && signedIn && lastSearch != null) {
                run(lastSearch, false);
            }
        }
    }

    /** Searches with the field's words and the filters, from the first page. */
    public void search() {
        if (!signedIn) {
            showSignedOut();
            return;
        }
        run(CatalogSearch.firstPage(searchText.get(), category.get() == null ? null : category.get().value(),
                difficulty.get() == null ? null : difficulty.get().value(), PAGE_SIZE), false);
    }

    /** The next page of the last search, added below. */
    public void more() {
        if (lastSearch != null && hasMore.get()) {
            run(lastSearch.nextPage(), true);
        }
    }

    private void searchIfShown() {
        if (shown) {
            search();
        }
    }

    private void run(CatalogSearch search, boolean append) {
        long request = searches.incrementAndGet();
        loading.set(true);
        boolean readCategories = !categoriesLoaded;
        executors.load(() -> read(search, readCategories), result -> {
            if (request == searches.get()) {
                show(search, result, append);
            }
        }, failure -> {
            if (request == searches.get()) {
                fail(failure);
            }
        });
    }

    private record Result(CatalogPage page, List<CategoryView> categories, Map<CourseId, CourseDownload> here) {
    }

    private Result read(CatalogSearch search, boolean readCategories) {
        ServerCatalog server = catalog.get();
        List<CategoryView> read = readCategories ? server.categories() : null;
        return new Result(server.search(search), read, downloads.list());
    }

    private void show(CatalogSearch search, Result result, boolean append) {
        loading.set(false);
        availability.set(Availability.READY);
        notice.set("");
        lastSearch = search;
        if (result.categories() != null) {
            showCategories(result.categories());
        }
        List<CatalogRow> page = new ArrayList<>();
        for (CatalogItem item : result.page().items()) {
            page.add(row(item, result.here().get(new CourseId(item.id()))));
        }
        if (append) {
            rows.addAll(page);
        } else {
            rows.setAll(page);
        }
        if (downloading != null) {
            showDownloading(downloading);
        }
        long total = result.page().total();
        hasMore.set(rows.size() < total);
        resultText.set(total == 0 ? texts.text("results.none") : rows.size() < total
                ? texts.text("results.more", rows.size(), total) : texts.text("results.count", total));
    }

    private void showCategories(List<CategoryView> read) {
        Choice chosen = category.get();
        List<Choice> choices = new ArrayList<>();
        choices.add(categories.get(0));
        Map<UUID, Integer> depth = new HashMap<>();
        for (CategoryView view : read) {
            int level = view.parentId() == null ? 0 : depth.getOrDefault(view.parentId(), 0) + 1;
            depth.put(view.id(), level);
            choices.add(new Choice(view.slug(), "  ".repeat(level) + view.name()));
        }
        // Keep the learner's choice when the category is still there. Replacing the list clears the box's value:
        // the listeners must not search again meanwhile.
        Choice keep = choices.stream().filter(choice -> chosen != null && Objects.equals(choice.value(), chosen.value()))
                .findFirst().orElse(choices.get(0));
        boolean wasShown = shown;
        shown = false;
        try {
            categories.setAll(choices);
            category.set(keep);
        } finally {
            shown = wasShown;
        }
        categoriesLoaded = true;
    }

    private CatalogRow row(CatalogItem item, CourseDownload here) {
        String categoryName = item.category() == null ? texts.text("details.noCategory") : item.category().name();
        String details = texts.text("details", difficultyLabel(item.difficulty()), categoryName, item.lessonCount(),
                texts.size(item.downloadBytes()));
        String state = here == null ? "" : here.state() == CourseDownload.State.REMOVED ? texts.text("state.removed")
                : texts.text("state.here");
        boolean onThisComputer = here != null && here.state() != CourseDownload.State.REMOVED;
        return new CatalogRow(new CourseId(item.id()), item.title(), item.shortDescription(), details, item.downloadBytes(),
                state, -1, onThisComputer);
    }

    private String difficultyLabel(String code) {
        return difficulties.stream().filter(choice -> Objects.equals(choice.value(), code)).map(Choice::label).findFirst()
                .orElse(code == null ? "" : code);
    }

    private void showDownloading(SyncProgress.CourseProgress progress) {
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow row = rows.get(i);
            if (row.courseId().value().equals(progress.courseId())) {
                rows.set(i, row.withState(texts.text("state.downloading", texts.size(progress.done()),
                        texts.size(progress.total())), progress.fraction(), true));
            }
        }
    }

    private void fail(RuntimeException failure) {
        loading.set(false);
        if (failure instanceof SyncFailure sync && sync.kind() == SyncFailure.Kind.SIGNED_OUT) {
            signedIn = false;
            showSignedOut();
        } else if (failure instanceof SyncFailure sync && sync.kind().transientFailure()) {
            availability.set(Availability.OFFLINE);
            tellFailure(notice, texts.text("offline", failure.getMessage()));
        } else {
            availability.set(Availability.OFFLINE);
            tellFailure(notice, texts.text("failed", ProblemText.ofDefaultLocale().shown(failure)));
        }
    }

    private void tellFailure(StringProperty where, String text) {
        failureTold.set(text);
        where.set(text);
    }

    private BooleanBinding told(StringProperty where) {
        return Bindings.createBooleanBinding(() -> !where.get().isEmpty() && where.get().equals(failureTold.get()), where,
                failureTold);
    }

    private void showSignedOut() {
        availability.set(Availability.SIGNED_OUT);
        notice.set(texts.text("signedOut"));
        rows.clear();
        resultText.set("");
        hasMore.set(false);
    }

    /** The learner wants {@code row} offline: its size and the free space here are read, then asked about. */
    public void offerDownload(CatalogRow row) {
        if (row == null || row.onThisComputer()) {
            return;
        }
        message.set("");
        executors.load(() -> downloads.room(row.downloadBytes()), room -> {
            String size = texts.size(room.needed());
            String free = texts.size(room.free());
            offer.set(new Offer(row, texts.text("download.question", row.title()),
                    texts.text(room.fits() ? "download.room" : "download.noRoom", size, free, room.volume()),
                    room.fits()));
        }, failure -> tellFailure(message, texts.text("download.failed", row.title(),
                ProblemText.ofDefaultLocale().shown(failure))));
    }

    /** The learner said yes: enroll, and the sync engine brings the course's content and then its media. */
    public void confirmDownload() {
        Offer asked = offer.get();
        offer.set(null);
        if (asked == null || !asked.fits()) {
            return;
        }
        CatalogRow row = asked.row();
        executors.load(() -> {
            downloads.download(row.courseId());
            return Boolean.TRUE;
        }, done -> {
            message.set(texts.text("download.started", row.title()));
            replace(row.courseId(), texts.text("state.enrolled"));
        }, failure -> tellFailure(message, texts.text("download.failed", row.title(),
                ProblemText.ofDefaultLocale().shown(failure))));
    }

    /** The learner said no. */
    public void dismissDownload() {
        offer.set(null);
    }

    private void replace(CourseId course, String state) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).courseId().equals(course)) {
                rows.set(i, rows.get(i).withState(state, -1, true));
            }
        }
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Choice> categoryProperty() {
        return category;
    }

    public ObjectProperty<Choice> difficultyProperty() {
        return difficulty;
    }

    public ObservableList<Choice> categories() {
        return categories;
    }

    public ObservableList<Choice> difficulties() {
        return difficulties;
    }

    public ObservableList<CatalogRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability;
    }

    /** Why the catalog cannot be shown (signed out, offline), or empty. */
    /** Whether the notice says why the catalog could not be read (offline, or a failure). */
    public BooleanBinding noticeIsFailureProperty() {
        return noticeIsFailure;
    }

    /** Whether the message says why a download could not start. */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText;
    }

    /** What the last download request came to, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    /** A download waiting for the learner's yes, or null. */
    public ReadOnlyObjectProperty<Offer> offerProperty() {
        return offer;
    }
}
