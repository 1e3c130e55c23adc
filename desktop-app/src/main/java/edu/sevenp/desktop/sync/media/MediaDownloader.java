package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.MediaCacheRepository;
import edu.sevenp.desktop.sync.MediaStage;
import edu.sevenp.desktop.sync.SyncApi;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media stage of sync (docs/sync-client.md, "Media"): downloads the media files the synced courses use and
 * this device lacks, course by course, each resumable and verified by SHA-256 before anything uses it; first
 * checks that the disk has room for all of them; then removes files no course uses any more.
 *
 * <p>A network failure stops the stage and fails the sync, which is tried again with backoff and goes on from the
 * parts. A file the server refuses (no longer entitled, not on the server) or that arrives damaged is counted as
 * failed and the others go on; so does the rest of sync when the disk is short or full: the learner is told, in
 * {@link Fetched#problem()}.
 */
public final class MediaDownloader implements MediaStage {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);

    /** Room left over beyond the files: the database, the search index and the system need some too. */
    static final long MARGIN_BYTES = 100L * 1024 * 1024;
    static final double MARGIN_SHARE = 0.05;

    private final MediaCacheRepository cache;
    private final MediaFolder folder;
    private final DiskSpace disk;
    private final LongSupplier nanoTime;
    private final FileDownload download;
    private final OrphanSweep sweep;

    MediaDownloader(MediaCacheRepository cache, MediaFolder folder, DiskSpace disk, LongSupplier nanoTime) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.disk = Objects.requireNonNull(disk, "disk");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.download = new FileDownload(folder, cache);
        this.sweep = new OrphanSweep(folder, cache);
    }

    /** The stage for a profile: its media_cache rows, its media folder, the real disk and clock. */
    public static MediaDownloader forStore(LocalStore store) {
        return new MediaDownloader(store.mediaCache(), new MediaFolder(store.mediaDirectory()), DiskSpace.system(),
                System::nanoTime);
    }

    @Override
    public Fetched fetch(SyncApi api, Consumer<SyncProgress> progress) {
        MediaQueue queue = MediaQueue.plan(cache.neededBySyncedCourses(), cache.entries(), folder);
        if (queue.isEmpty()) {
            sweep.sweep();
            return new Fetched(0, 0, 0, null);
        }
        Optional<String> shortage;
        try {
            shortage = shortage(queue);
            if (shortage.isPresent() && sweep.sweep() > 0) {
                // Files of a course that is gone make room for the new ones.
                shortage = shortage(queue);
            }
        } catch (DiskProblem e) {
            return new Fetched(0, 0, 0, cannotWrite(e));
        }
        if (shortage.isPresent()) {
            LOG.warn("media not downloaded: {}", shortage.get());
            return new Fetched(0, 0, 0, shortage.get());
        }
        Fetched fetched = download(api, queue, progress);
        sweep.sweep();
        return fetched;
    }

    private Fetched download(SyncApi api, MediaQueue queue, Consumer<SyncProgress> progress) {
        ProgressMeter meter = new ProgressMeter(progress, nanoTime, queue.presentBytes(), queue.totalBytes(),
                queue.files().size());
        meter.report();
        int files = 0;
        int failed = 0;
        long bytes = 0;
        String problem = null;
        for (QueuedFile file : queue.files()) {
            try {
                FileDownload.Result result = download.fetch(api, file, meter);
                bytes += result.received();
                switch (result.outcome()) {
                    case DOWNLOADED -> files++;
                    case CORRUPT -> failed++;
                    case ALREADY_HERE -> { }
                    default -> throw new IllegalStateException("unknown outcome " + result.outcome());
                }
            } catch (SyncFailure failure) {
                if (failure.kind() != SyncFailure.Kind.REFUSED) {
                    throw failure;
                }
                // Not entitled any more, or not on the server: this file only.
                LOG.warn("media file {} of course {} refused: {} {}", file.sha256(), file.courseId(),
                        failure.code().orElse("-"), failure.getMessage());
                failed++;
            } catch (DiskProblem e) {
                problem = cannotWrite(e);
                break;
            }
            meter.fileDone();
        }
        meter.report();
        if (problem == null && failed > 0) {
            problem = failed == 1 ? "1 course file could not be downloaded (damaged on the way, or no longer available"
                    + " to you); it will be tried again at the next sync."
                    : failed + " course files could not be downloaded (damaged on the way, or no longer available to"
                    + " you); they will be tried again at the next sync.";
        }
        return new Fetched(files, bytes, failed, problem);
    }

    /** What keeps the queue from fitting on the disk, in words for the learner; empty when it fits. */
    private Optional<String> shortage(MediaQueue queue) {
        long missing = queue.missingBytes();
        long needed = missing + Math.max(MARGIN_BYTES, (long) (missing * MARGIN_SHARE));
        DiskSpace.Free free;
        try {
            Files.createDirectories(folder.directory());
            free = disk.of(folder.directory());
        } catch (IOException e) {
            throw new DiskProblem(e);
        }
        if (free.usableBytes() >= needed) {
            return Optional.empty();
        }
        return Optional.of("Not enough free disk space for the course videos: " + ByteCount.readable(needed)
                + " needed, " + ByteCount.readable(free.usableBytes()) + " free on " + free.volume()
                + ". Free some space; sync goes on without them.");
    }

    private String cannotWrite(DiskProblem e) {
        LOG.warn("media folder {} cannot be written: {}", folder.directory(), e.getMessage());
        LOG.debug("media folder failure", e);
        return "Could not save the course videos in " + folder.directory() + " (" + e.getMessage()
                + "). Sync goes on without them; they will be downloaded once the folder can be written.";
    }
}
