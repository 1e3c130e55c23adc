package edu.sevenp.desktop.search;

import edu.sevenp.desktop.status.StatusBoard;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchQueue;
import edu.sevenp.model.CourseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline full-text search of one profile: lessons, quizzes and the learner's notes (see
 * docs/search.md). Every method blocks and is safe from any thread; call it from a background
 * executor, never the UI thread. The index lives in the profile's folder ({@value #FOLDER}), or in
 * memory for an in-memory store; opening it is quick, and a rebuild runs in the background.
 */
public final class SearchService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    public static final String FOLDER = "search-index";
    /** Most results one search returns. */
    public static final int MAX_LIMIT = 200;

    private final SearchIndex index;
    private final IndexMaintenance maintenance;
    private final StatusBoard<IndexStatus, IndexListener> board;
    private final UserQuery userQuery;
    private final HitSearch hitSearch;
    private final ExecutorService ownExecutor;
    private volatile boolean closed;

    private SearchService(SearchIndex index, IndexMaintenance maintenance, StatusBoard<IndexStatus, IndexListener> board, Analyzer analyzer,
                          ExecutorService ownExecutor) {
        this.index = index;
        this.maintenance = maintenance;
        this.board = board;
        this.userQuery = new UserQuery(analyzer);
        this.hitSearch = new HitSearch(analyzer);
        this.ownExecutor = ownExecutor;
    }

    /** Opens the profile's index, indexing in the background on a thread of its own. */
    public static SearchService open(LocalStore store) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread indexing = new Thread(runnable, "search-indexing");
            indexing.setDaemon(true);
            indexing.setPriority(Thread.NORM_PRIORITY - 1);
            return indexing;
        });
        try {
            return open(store, thread, status -> { }, thread);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    /**
     * Opens the profile's index with background indexing on {@code background} (a same-thread executor
     * makes a rebuild finish inside this call) and {@code listener} told of every status from the start.
     */
    public static SearchService open(LocalStore store, Executor background, IndexListener listener) {
        return open(store, background, listener, null);
    }

    private static SearchService open(LocalStore store, Executor background, IndexListener listener,
                                      ExecutorService ownExecutor) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(listener, "listener");
        Analyzer analyzer = IndexFields.analyzer();
        SearchIndex index;
        try {
            index = SearchIndex.open(directoryOf(store), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index of " + store.location() + ": " + e.getMessage(), e);
        }
        SearchQueue queue = store.searchQueue();
        StatusBoard<IndexStatus, IndexListener> board = new StatusBoard<>(index.rebuildReason() == null
                ? IndexStatus.ready() : new IndexStatus(IndexStatus.State.REBUILDING, 0, 0), IndexListener::statusChanged,
                "search index");
        board.add(listener);
        IndexMaintenance maintenance = new IndexMaintenance(index, new QueueIndexer(queue, store.searchContent()), queue,
                background, board);
        SearchService service = new SearchService(index, maintenance, board, analyzer, ownExecutor);
        if (index.rebuildReason() != null) {
            maintenance.startRebuild();
        } else {
            index.markFormatCurrent();
            if (queue.size() > QueueIndexer.BATCH_ENTRIES) {
                maintenance.startUpdating();
            }
        }
        return service;
    }

    /** Searches everything: lessons, quizzes and notes of every course. */
    public SearchResults search(String text, int limit) {
        return search(text, limit, null);
    }

    /**
     * Searches one course ({@code course} null: all). Takes in what was queued since the last search
     * first, so a note saved a moment ago is found. Never throws for what the learner typed: input that
     * leaves nothing to search for returns no hits.
     */
    public SearchResults search(String text, int limit, CourseId course) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        requireOpen();
        Optional<Query> parsed = userQuery.parse(text);
        if (parsed.isEmpty()) {
            return SearchResults.none(true);
        }
        boolean complete = maintenance.catchUp();
        Query query = course == null ? parsed.get() : new BooleanQuery.Builder()
                .add(parsed.get(), BooleanClause.Occur.MUST)
                .add(new TermQuery(SearchDocuments.course(course.value())), BooleanClause.Occur.FILTER)
                .build();
        try {
            return new SearchResults(index.read(searcher -> hits(searcher, query, limit)), complete);
        } catch (CorruptIndexException e) {
            LOG.error("The search index is damaged; it will be rebuilt at the next start", e);
            index.requestRebuildAtNextStart();
            board.publish(new IndexStatus(IndexStatus.State.FAILED, 0, 0));
            return SearchResults.none(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Searching failed: " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            throw new IllegalStateException("the search service is closed", e);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, int limit) throws IOException {
        try {
            return hitSearch.search(searcher, query, limit);
        } catch (IndexSearcher.TooManyClauses e) {
            // A prefix or a long input that expands past Lucene's clause limit: nothing sensible to show.
            return List.of();
        }
    }

    /** What the index is doing now. */
    public IndexStatus indexStatus() {
        return board.current();
    }

    /** Tells {@code listener} the current status at once, then every change (on the indexing thread). */
    public void addListener(IndexListener listener) {
        board.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(IndexListener listener) {
        board.remove(listener);
    }

    /** Stops background indexing after its current batch and closes the index; close it before the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            maintenance.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the search index failed: " + e.getMessage(), e);
        } finally {
            if (ownExecutor != null) {
                ownExecutor.shutdown();
                try {
                    ownExecutor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the search service is closed");
        }
    }

    private static Directory directoryOf(LocalStore store) throws IOException {
        Optional<Path> profile = store.directory();
        if (profile.isEmpty()) {
            return new ByteBuffersDirectory();
        }
        Path folder = profile.get().resolve(FOLDER);
        Files.createDirectories(folder);
        return FSDirectory.open(folder);
    }
}
