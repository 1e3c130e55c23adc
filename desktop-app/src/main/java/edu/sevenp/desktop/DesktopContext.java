package edu.sevenp.desktop;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The player's services for one profile, wired once: the local store (opened and migrated), the
 * bundled sample course (installed or updated), the library, the package reader and offline search.
 * Search starts only when asked ({@link #startSearch()}: the window does, headless commands do not),
 * on a background thread, so start-up does not wait for Lucene; a rebuild runs in the background too.
 */
public final class DesktopContext implements AutoCloseable {

    private final DesktopPaths paths;
    private final LocalStore store;
    private final CoursePackageReader packageReader;
    private final ImportSummary sample;
    private CompletableFuture<SearchService> search;

    private DesktopContext(DesktopPaths paths, LocalStore store, CoursePackageReader packageReader, ImportSummary sample) {
        this.paths = paths;
        this.store = store;
        this.packageReader = packageReader;
        this.sample = sample;
    }

    public static DesktopContext open(DesktopPaths paths) {
        Objects.requireNonNull(paths, "paths");
        LocalStore store = LocalStore.openFile(paths.profileDirectory(), paths.profile());
        try {
            CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());
            ImportSummary sample = new BundledCourse(reader).install(store.importer());
            return new DesktopContext(paths, store, reader, sample);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public DesktopPaths paths() {
        return paths;
    }

    public LocalStore store() {
        return store;
    }

    public CoursePackageReader packageReader() {
        return packageReader;
    }

    public LibraryService library() {
        return new LibraryService(store.courses());
    }

    /** Opens the profile's search index on a background thread (once); returns at once. */
    public synchronized void startSearch() {
        if (search == null) {
            search = CompletableFuture.supplyAsync(() -> SearchService.open(store), runnable -> {
                Thread opening = new Thread(runnable, "search-open");
                opening.setDaemon(true);
                opening.start();
            });
        }
    }

    /**
     * Offline search of this profile; call it from a background executor: the first call waits until
     * the index is open (a fraction of a second after {@link #startSearch()}).
     */
    public SearchService search() {
        CompletableFuture<SearchService> opening;
        synchronized (this) {
            startSearch();
            opening = search;
        }
        return opening.join();
    }

    /** What the learner does with the library: progress, notes, bookmarks, quizzes, the dashboard. */
    public LearningServices learning() {
        return LearningServices.over(store, Clock.systemUTC());
    }

    /** The bundled sample course, which the window opens on. */
    public CourseId sampleCourse() {
        return sample.courseId();
    }

    @Override
    public void close() {
        CompletableFuture<SearchService> opening;
        synchronized (this) {
            opening = search;
        }
        try {
            SearchService opened = opening == null ? null : opening.exceptionally(failure -> null).join();
            if (opened != null) {
                opened.close();
            }
        } finally {
            store.close();
        }
    }
}
