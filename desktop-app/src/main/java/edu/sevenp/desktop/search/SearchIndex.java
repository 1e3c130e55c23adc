package edu.sevenp.desktop.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of one profile: a writer, near-real-time searchers, and the format version kept in
 * the commit's user data. Opening never repairs anything slowly: an index that is missing, unreadable
 * or of another format is replaced by an empty one and reported as needing a rebuild.
 */
final class SearchIndex implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** Indexing buffers this much before flushing a segment; a rebuild of a large library benefits. */
    private static final double RAM_BUFFER_MB = 48;

    /** A file in the index folder that asks the next start to rebuild: damage found while running. */
    static final String REBUILD_MARKER = "rebuild-requested";

    /** Reads a searcher: the search's work, done while the searcher is held. */
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String rebuildReason;

    private SearchIndex(Directory directory, IndexWriter writer, String rebuildReason) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.rebuildReason = rebuildReason;
        try {
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    /**
     * Opens the index in {@code directory}; when it cannot be used as it is, wipes it and opens an empty
     * one whose {@link #rebuildReason()} says why. Fails only when another process holds the index.
     */
    static SearchIndex open(Directory directory, Analyzer analyzer) throws IOException {
        String problem = problemWith(directory);
        if (problem == null) {
            IndexWriter writer = null;
            try {
                writer = new IndexWriter(directory, config(analyzer, OpenMode.APPEND));
                return new SearchIndex(directory, writer, null);
            } catch (LockObtainFailedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                rollbackQuietly(writer);
                problem = "it cannot be read (" + e + ")";
            }
        }
        LOG.info("The search index will be rebuilt from the library: {}", problem);
        wipe(directory);
        return new SearchIndex(directory, new IndexWriter(directory, config(analyzer, OpenMode.CREATE)), problem);
    }

    /** Why the index was found unusable and started empty; null when it was opened as it was. */
    String rebuildReason() {
        return rebuildReason;
    }

    IndexWriter writer() {
        return writer;
    }

    /**
     * Records in the next commits that this index is complete up to the search queue: call it once
     * everything the index lacks is queued (at once for an existing index, after queuing every course
     * for a rebuilt one). Until then commits carry no version, and a restart rebuilds again.
     */
    void markFormatCurrent() {
        writer.setLiveCommitData(Map.of(IndexFields.FORMAT_KEY, IndexFields.FORMAT_VERSION).entrySet());
    }

    /**
     * Damage that only showed while searching (a file that fails its checksum) cannot be repaired
     * under open readers: leaves a note for the next start, which rebuilds.
     */
    void requestRebuildAtNextStart() {
        try (IndexOutput marker = directory.createOutput(REBUILD_MARKER, IOContext.DEFAULT)) {
            marker.writeByte((byte) 1);
        } catch (FileAlreadyExistsException e) {
            // already requested
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not ask for a rebuild of the damaged search index", e);
        }
    }

    /** Makes the changes durable, then visible to searches. */
    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes the changes visible to searches without making them durable (no commit, no fsync). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    <T> T read(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Closes without committing: what was not committed is still in the search queue. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    private static String problemWith(Directory directory) {
        try {
            if (Arrays.asList(directory.listAll()).contains(REBUILD_MARKER)) {
                return "it was found damaged while searching";
            }
            String version = SegmentInfos.readLatestCommit(directory).getUserData().get(IndexFields.FORMAT_KEY);
            if (version == null) {
                return "it was never completed";
            }
            if (!version.equals(IndexFields.FORMAT_VERSION)) {
                return "it has format " + version + " and this player writes format " + IndexFields.FORMAT_VERSION;
            }
            return null;
        } catch (IndexNotFoundException e) {
            return "there is none yet";
        } catch (IOException | RuntimeException e) {
            return "it cannot be read (" + e + ")";
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(RAM_BUFFER_MB);
    }

    /** Deletes every file of the index, holding its lock so that no other writer is cut off. */
    private static void wipe(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    private static void rollbackQuietly(IndexWriter writer) {
        if (writer != null) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing an unusable search index failed", e);
            }
        }
    }
}
