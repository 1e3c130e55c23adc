package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.MediaCacheRepository;
import edu.sevenp.desktop.sync.MediaStage;
import edu.sevenp.desktop.sync.SyncApi;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Courses whose downloads the learner stopped while this run was under way; the next run asks the store. */
    private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();

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
        // The store says which courses are paused or removed from here on: the plan leaves them out.
        stopped.clear();
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

    /**
     * The learner cancelled the course's download, or removed it, while a run may be under way: the file of it being
     * downloaded stops at its next read, keeping what arrived, and no other file of it is started in this run (the
     * store's course_downloads row keeps later runs from it). Other courses' files go on.
     */
    public void stop(UUID course) {
        stopped.add(Objects.requireNonNull(course, "course"));
    }

    /** Removes the media files no course here uses any more (those of a course whose download was removed). */
    public void removeUnused() {
        sweep.sweep();
    }

    /** How much of each of {@code courses}' media is on this computer now. */
    Map<UUID, MediaQueue.CourseBytes> onThisComputer(Set<UUID> courses) {
        return MediaQueue.plan(cache.usedBy(courses), cache.entries(), folder).courses();
    }

    /** The room left on the disk of the media folder (created when missing). */
    DiskSpace.Free freeSpace() throws IOException {
        Files.createDirectories(folder.directory());
        return disk.of(folder.directory());
    }

    /** The free room a download of {@code bytes} needs: the bytes and a margin for the database, index and system. */
    static long roomFor(long bytes) {
        return bytes + Math.max(MARGIN_BYTES, (long) (bytes * MARGIN_SHARE));
    }

    private Fetched download(SyncApi api, MediaQueue queue, Consumer<SyncProgress> progress) {
        ProgressMeter meter = new ProgressMeter(progress, nanoTime, queue.presentBytes(), queue.totalBytes(),
                queue.files().size(), queue.courses());
        // The first report already names the first course: its row shows the download before a byte arrives.
        meter.startFile(queue.files().get(0));
        meter.report();
        int files = 0;
        int failed = 0;
        long bytes = 0;
        String problem = null;
        for (QueuedFile file : queue.files()) {
            if (stopped.contains(file.courseId())) {
                continue;
            }
            meter.startFile(file);
            boolean verified = false;
            try {
                FileDownload.Result result = download.fetch(api, file, meter, () -> stopped.contains(file.courseId()));
                bytes += result.received();
                switch (result.outcome()) {
                    case DOWNLOADED -> files++;
                    case CORRUPT -> failed++;
                    case ALREADY_HERE -> { }
                    default -> throw new IllegalStateException("unknown outcome " + result.outcome());
                }
                verified = result.outcome() != FileDownload.Outcome.CORRUPT;
            } catch (FileDownload.Stopped e) {
                bytes += e.received();
                LOG.info("media download of course {} stopped by the learner during file {}", file.courseId(), file.sha256());
                continue;
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
            meter.fileDone(verified);
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
        long needed = roomFor(queue.missingBytes());
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
        return Optional.of(FailureWords.of(MediaDownloader.class).text("noRoom", ByteCount.readable(needed),
                ByteCount.readable(free.usableBytes()), free.volume()));
    }

    private String cannotWrite(DiskProblem e) {
        LOG.warn("media folder {} cannot be written: {}", folder.directory(), e.getMessage());
        LOG.debug("media folder failure", e);
        return "Could not save the course videos in " + folder.directory() + " (" + e.getMessage()
                + "). Sync goes on without them; they will be downloaded once the folder can be written.";
    }
}
