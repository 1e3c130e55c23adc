package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.media.PartialFile;
import edu.sevenp.desktop.store.MediaCacheRepository;
import edu.sevenp.desktop.sync.MediaBody;
import edu.sevenp.desktop.sync.SyncApi;
import edu.sevenp.desktop.sync.SyncFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one media file into its part, going on from the bytes an earlier download left there, and keeps it
 * only with the right SHA-256 (ARCHITECTURE.md, principle 9). The media cache row follows at checkpoints, each
 * after the part is forced to disk, so the row never claims bytes a power cut could take back.
 */
final class FileDownload {

    private static final Logger LOG = LoggerFactory.getLogger(FileDownload.class);
    /** The learner's words, in the bundle of this package (read in the default locale when a failure is made). */
    private static final FailureWords WORDS = FailureWords.of(FileDownload.class);

    /**
     * Force and record every this many bytes (and at a cut, and at the end). A resume goes on from the part's length,
     * so this only bounds how stale the row can be after a crash. Writing 512 MiB with a fsync every 4 MiB ran at
     * 240-300 MB/s here, every 16 MiB at 400-440, with none at 380-510: 16 MiB costs next to nothing.
     */
    static final long CHECKPOINT = 16L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** How one file ended. */
    enum Outcome {
        /** Downloaded (in this run at least in part) and verified. */
        DOWNLOADED,
        /** Already in place under its hash name, verified again: only its row was missing. */
        ALREADY_HERE,
        /** Its bytes had another hash: thrown away, marked corrupt, tried again at the next sync. */
        CORRUPT
    }

    /** How one file ended, and the bytes received for it. */
    record Result(Outcome outcome, long received) {
    }

    /** The learner stopped the download of the file's course: the part keeps what arrived, for a later resume. */
    static final class Stopped extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final long received;

        Stopped(String sha256, long received) {
            super("the download of " + sha256 + " was stopped", null, false, false);
            this.received = received;
        }

        /** The bytes that arrived in this attempt before it stopped. */
        long received() {
            return received;
        }
    }

    private final MediaFolder folder;
    private final MediaCacheRepository cache;

    FileDownload(MediaFolder folder, MediaCacheRepository cache) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * @param stop whether the learner stopped the download of the file's course; asked between reads
     * @throws SyncFailure as the server or the network failed: the part keeps what arrived
     * @throws DiskProblem when the media folder could not be written
     * @throws Stopped when {@code stop} said so: the part keeps what arrived
     */
    Result fetch(SyncApi api, QueuedFile file, ProgressMeter meter, BooleanSupplier stop) {
        try {
            if (file.sizeKnown() && folder.holds(file.sha256(), file.size())) {
                if (folder.holdsVerified(file.sha256(), file.size())) {
                    cache.recordVerified(file.sha256(), file.size());
                    meter.bytes(file.size() - Math.min(file.present(), file.size()));
                    return new Result(Outcome.ALREADY_HERE, 0);
                }
                // A wrong file under a hash name breaks the folder's promise; it goes, and the file comes again.
                LOG.warn("media file {} did not have its hash; downloading it again", file.sha256());
                folder.remove(file.sha256());
            }
            try (PartialFile part = folder.openPart(file.sha256())) {
                long counted = Math.min(file.present(), Math.max(file.size(), 0));
                if (part.length() != counted) {
                    meter.bytes(part.length() - counted);
                }
                long size = file.size();
                if (file.sizeKnown() && part.length() > size) {
                    meter.bytes(-part.length());
                    part.restart();
                }
                long received = 0;
                if (!file.sizeKnown() || part.length() < size) {
                    Received transfer = receive(api, file, part, meter, stop);
                    size = transfer.size();
                    received = transfer.bytes();
                }
                return new Result(finish(file, part, size), received);
            }
        } catch (IOException e) {
            throw new DiskProblem(e);
        }
    }

    private record Received(long size, long bytes) {
    }

    private Received receive(SyncApi api, QueuedFile file, PartialFile part, ProgressMeter meter, BooleanSupplier stop)
            throws IOException {
        long from = part.length();
        MediaBody body = api.media(file.sha256(), from);
        try {
            if (body.start() != from) {
                if (body.start() != 0) {
                    throw SyncFailure.of(SyncFailure.Kind.REFUSED, WORDS.text("wrongRange", body.start(), from));
                }
                // The server ignored the range and sends the whole file: what is here goes.
                meter.bytes(-from);
                part.restart();
            }
            long size = body.totalSize() > 0 ? body.totalSize() : file.size();
            if (size > 0) {
                meter.resized(size - Math.max(file.size(), 0));
                cache.recordDownloading(file.sha256(), size, Math.min(part.length(), size));
            }
            long received = copy(body.stream(), file, part, size, meter, stop);
            if (size > 0 && part.length() < size) {
                checkpoint(file, part, size);
                throw SyncFailure.of(SyncFailure.Kind.NETWORK, WORDS.text("cutShort", part.length(), size));
            }
            return new Received(size > 0 ? size : part.length(), received);
        } finally {
            closeQuietly(body);
        }
    }

    private long copy(InputStream in, QueuedFile file, PartialFile part, long size, ProgressMeter meter, BooleanSupplier stop)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long received = 0;
        long nextCheckpoint = part.length() + CHECKPOINT;
        while (true) {
            if (stop.getAsBoolean()) {
                checkpoint(file, part, size);
                throw new Stopped(file.sha256(), received);
            }
            if (Thread.currentThread().isInterrupted()) {
                checkpoint(file, part, size);
                throw SyncFailure.of(SyncFailure.Kind.NETWORK, WORDS.text("stopped"));
            }
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException e) {
                checkpoint(file, part, size);
                throw new SyncFailure(SyncFailure.Kind.NETWORK, null, WORDS.text("brokeOff"), null, e);
            }
            if (read < 0) {
                return received;
            }
            part.write(buffer, 0, read);
            received += read;
            meter.bytes(read);
            if (part.length() >= nextCheckpoint) {
                checkpoint(file, part, size);
                nextCheckpoint = part.length() + CHECKPOINT;
            }
        }
    }

    /** The part to disk, then the row: the row never says more than the disk holds. */
    private void checkpoint(QueuedFile file, PartialFile part, long size) throws IOException {
        part.force();
        if (size > 0) {
            cache.recordDownloading(file.sha256(), size, Math.min(part.length(), size));
        }
    }

    private Outcome finish(QueuedFile file, PartialFile part, long size) throws IOException {
        long length = part.length();
        boolean verified = length == size ? folder.finish(part, file.sha256()) : discard(part);
        if (verified) {
            cache.recordVerified(file.sha256(), length);
            return Outcome.DOWNLOADED;
        }
        LOG.warn("media file {} arrived with another hash or size ({} of {} bytes); thrown away", file.sha256(), length, size);
        cache.recordCorrupt(file.sha256(), Math.max(size, 1));
        return Outcome.CORRUPT;
    }

    /** More bytes than the file has: whatever they are, they are not the file. */
    private boolean discard(PartialFile part) throws IOException {
        folder.discard(part);
        return false;
    }

    private static void closeQuietly(MediaBody body) {
        try {
            body.close();
        } catch (IOException e) {
            LOG.debug("closing a media answer", e);
        }
    }
}
