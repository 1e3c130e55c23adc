package edu.sevenp.desktop.search;

import edu.sevenp.desktop.search.IndexStatus.State;
import edu.sevenp.desktop.status.StatusBoard;
import edu.sevenp.desktop.store.SearchQueue;
import edu.sevenp.desktop.store.SearchQueue.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index up with the search queue. A search first takes in a small batch itself (a note just
 * written is usually all there is) and sees it at once through a near-real-time reader; a larger
 * backlog, and a rebuild, run in the background with progress on the {@link StatusBoard}.
 *
 * <p>Commits are what make the index durable, and cost a flush and an fsync: they happen at most every
 * {@link #COMMIT_INTERVAL_NANOS}, at the end of a background run and at close. Queue entries are
 * removed only after the commit that holds them; until then they are "uncommitted" and later batches
 * read the queue after them. A crash loses only uncommitted work, which is still queued.
 */
final class IndexMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintenance.class);

    static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A search takes in at most this many courses itself before leaving the rest to the background. */
    static final int COURSES_BEFORE_A_SEARCH = 2;

    private final SearchIndex index;
    private final QueueIndexer indexer;
    private final SearchQueue queue;
    private final Executor background;
    private final StatusBoard<IndexStatus, IndexListener> board;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean rebuildPending;
    private volatile boolean closed;

    /** Guards the writer and the three fields below it: one batch or commit at a time. */
    private final ReentrantLock writing = new ReentrantLock();
    private final List<Entry> uncommitted = new ArrayList<>();
    /** Batches read the queue after this sequence number; back to 0 after a commit, to pick up late writers. */
    private long readAfter;
    private long lastCommit = System.nanoTime();

    IndexMaintenance(SearchIndex index, QueueIndexer indexer, SearchQueue queue, Executor background, StatusBoard<IndexStatus, IndexListener> board) {
        this.index = index;
        this.indexer = indexer;
        this.queue = queue;
        this.background = background;
        this.board = board;
    }

    /**
     * Before a search: takes in one small batch unless the background is at work. Returns whether
     * the index then holds everything queued, that is whether the search will be complete.
     */
    boolean catchUp() {
        if (running.get()) {
            return false;
        }
        if (rebuildPending) {
            startRebuild();
            return false;
        }
        boolean everything;
        writing.lock();
        try {
            if (closed) {
                return false;
            }
            if (!indexMore(COURSES_BEFORE_A_SEARCH).isEmpty()) {
                index.refresh();
            }
            commitIfDue(false);
            everything = queue.nextAfter(readAfter, 1).isEmpty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index could not take in the latest changes; searching what it has", e);
            board.publish(new IndexStatus(State.FAILED, 0, 0));
            return false;
        } finally {
            writing.unlock();
        }
        if (!everything) {
            startUpdating();
        } else if (board.current().state() == State.FAILED) {
            board.publish(IndexStatus.ready());
        }
        return everything;
    }

    /** Fills the (empty) index again from the library in the background: queues every course, then takes them in. */
    void startRebuild() {
        rebuildPending = true;
        start(State.REBUILDING);
    }

    /** Takes in the queue's backlog in the background. */
    void startUpdating() {
        start(State.UPDATING);
    }

    /** Stops the background after its current batch, commits what is indexed, and closes the index. */
    void close() throws IOException {
        writing.lock();
        try {
            closed = true;
            try {
                commitIfDue(true);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The search index could not commit at close; its queue entries will be done again", e);
            }
            index.close();
        } finally {
            writing.unlock();
        }
    }

    private void start(State state) {
        if (closed || !running.compareAndSet(false, true)) {
            return;
        }
        board.publish(new IndexStatus(state, 0, 0));
        try {
            background.execute(() -> run(state));
        } catch (RejectedExecutionException e) {
            running.set(false);
            board.publish(new IndexStatus(State.FAILED, 0, 0));
        }
    }

    private void run(State state) {
        long done = 0;
        long total = 0;
        try {
            if (rebuildPending) {
                queueEverything();
            }
            commitNow();
            total = queue.size();
            board.publish(new IndexStatus(state, 0, total));
            List<Entry> batch;
            while (!(batch = backgroundBatch()).isEmpty()) {
                done += batch.size();
                total = Math.max(total, done);
                board.publish(new IndexStatus(state, done, total));
            }
            commitNow();
            running.set(false);
            if (!closed) {
                board.publish(new IndexStatus(State.READY, done, total));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Background search indexing stopped; it goes on at the next search or start", e);
            running.set(false);
            board.publish(new IndexStatus(State.FAILED, done, Math.max(done, total)));
        }
    }

    /**
     * The first step of a rebuild: once every course is queued (a course brings its notes), the
     * empty index is complete up to the queue, and is marked so. A crash before the mark rebuilds again.
     */
    private void queueEverything() throws IOException {
        writing.lock();
        try {
            if (closed) {
                return;
            }
            int courses = queue.enqueueEveryCourse();
            queue.flushToDisk();
            index.markFormatCurrent();
            index.commit();
            rebuildPending = false;
            LOG.info("Rebuilding the search index: {} courses queued", courses);
        } finally {
            writing.unlock();
        }
    }

    private List<Entry> backgroundBatch() throws IOException {
        writing.lock();
        try {
            if (closed) {
                return List.of();
            }
            List<Entry> batch = indexMore(QueueIndexer.BATCH_COURSES);
            commitIfDue(false);
            return batch;
        } finally {
            writing.unlock();
        }
    }

    private void commitNow() throws IOException {
        writing.lock();
        try {
            if (!closed) {
                commitIfDue(true);
            }
        } finally {
            writing.unlock();
        }
    }

    /** Holding {@link #writing}. */
    private List<Entry> indexMore(int maxCourses) throws IOException {
        List<Entry> batch = indexer.indexBatchAfter(index, readAfter, maxCourses);
        if (!batch.isEmpty()) {
            uncommitted.addAll(batch);
            readAfter = batch.get(batch.size() - 1).seq();
        }
        return batch;
    }

    /** Holding {@link #writing}. */
    private void commitIfDue(boolean force) throws IOException {
        if (uncommitted.isEmpty() || !(force || System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS)) {
            return;
        }
        indexer.commit(index, uncommitted);
        uncommitted.clear();
        readAfter = 0;
        lastCommit = System.nanoTime();
    }
}
