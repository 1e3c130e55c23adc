package edu.sevenp.desktop.search;

import edu.sevenp.desktop.search.IndexStatus.State;
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
 * Keeps the index up with the search queue. A search first takes in one batch itself (a note just
 * written is usually all there is); a larger backlog, and a rebuild, run in the background, batch by
 * batch, with progress on the {@link StatusBoard}. One batch writes at a time.
 */
final class IndexMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintenance.class);

    /**
     * The background commits (and so shows its progress to searches) this often: a commit per batch
     * would cost a flush and an fsync each, a good part of a rebuild's time.
     */
    static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A search takes in at most this many courses itself before leaving the rest to the background. */
    static final int COURSES_BEFORE_A_SEARCH = 2;

    private final SearchIndex index;
    private final QueueIndexer indexer;
    private final SearchQueue queue;
    private final Executor background;
    private final StatusBoard board;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean rebuildPending;
    private volatile boolean closed;

    IndexMaintenance(SearchIndex index, QueueIndexer indexer, SearchQueue queue, Executor background, StatusBoard board) {
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
        try {
            indexBatch(COURSES_BEFORE_A_SEARCH);
            if (queue.size() > 0) {
                startUpdating();
                return false;
            }
            if (board.current().state() == State.FAILED) {
                board.publish(IndexStatus.ready());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index could not take in the latest changes; searching what it has", e);
            board.publish(new IndexStatus(State.FAILED, 0, 0));
            return false;
        }
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

    boolean running() {
        return running.get();
    }

    /** Stops the background after its current batch and closes the index. */
    void close() throws IOException {
        closed = true;
        writing.lock();
        try {
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
            total = queue.size();
            board.publish(new IndexStatus(state, 0, total));
            List<Entry> uncommitted = new ArrayList<>();
            long lastSeq = 0;
            long lastCommit = System.nanoTime();
            List<Entry> batch;
            while (!(batch = indexBatchAfter(lastSeq)).isEmpty()) {
                uncommitted.addAll(batch);
                lastSeq = batch.get(batch.size() - 1).seq();
                if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                    commit(uncommitted);
                    done += uncommitted.size();
                    uncommitted.clear();
                    lastCommit = System.nanoTime();
                    total = Math.max(total, done);
                    board.publish(new IndexStatus(state, done, total));
                }
            }
            commit(uncommitted);
            done += uncommitted.size();
            total = Math.max(total, done);
            board.publish(new IndexStatus(state, done, total));
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
            index.markFormatCurrent();
            index.commit();
            rebuildPending = false;
            LOG.info("Rebuilding the search index: {} courses queued", courses);
        } finally {
            writing.unlock();
        }
    }

    private List<Entry> indexBatchAfter(long seq) throws IOException {
        writing.lock();
        try {
            return closed ? List.of() : indexer.indexBatchAfter(index, seq, QueueIndexer.BATCH_COURSES);
        } finally {
            writing.unlock();
        }
    }

    private void commit(List<Entry> indexed) throws IOException {
        if (indexed.isEmpty()) {
            return;
        }
        writing.lock();
        try {
            if (!closed) {
                indexer.commit(index, indexed);
            }
        } finally {
            writing.unlock();
        }
    }

    private int indexBatch(int maxCourses) throws IOException {
        writing.lock();
        try {
            return closed ? 0 : indexer.indexNextBatch(index, maxCourses);
        } finally {
            writing.unlock();
        }
    }
}
