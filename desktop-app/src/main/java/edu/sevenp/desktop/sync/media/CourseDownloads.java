package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.store.CourseDownloadRepository;
import edu.sevenp.desktop.store.CourseDownloadRepository.Choice;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.media.MediaQueue.CourseBytes;
import edu.sevenp.model.CourseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server courses kept on this computer for offline use (docs/sync-client.md, "Course downloads"): downloading one
 * (enrolling, then the sync engine pulls its content and media), how far each is, cancelling and resuming its media
 * download, and removing it again while the learner's notes, bookmarks, progress and attempts stay. Every method reads
 * or writes the store or the network: call them off the UI thread.
 */
public final class CourseDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(CourseDownloads.class);

    /**
     * The room a download needs on the disk of the profile's data, and what that disk has.
     *
     * @param needed the course's bytes and the margin the media stage keeps free (the larger of 100 MiB and 5 %)
     * @param volume the disk in words a learner recognises ({@code /home (/dev/sda2)})
     */
    public record Room(long needed, long free, String volume) {

        public boolean fits() {
            return free >= needed;
        }
    }

    private final SyncService sync;
    private final LocalStore store;
    private final MediaDownloader media;

    public CourseDownloads(SyncService sync, LocalStore store, MediaDownloader media) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.store = Objects.requireNonNull(store, "store");
        this.media = Objects.requireNonNull(media, "media");
    }

    /** Every server course on this computer, or removed from it, with how much of it is here. */
    public Map<CourseId, CourseDownload> list() {
        CourseDownloadRepository downloads = store.downloads();
        Map<UUID, Choice> choices = downloads.choices();
        Set<UUID> courses = new HashSet<>(store.sync().syncedCourses());
        courses.addAll(choices.keySet());
        Set<UUID> kept = new HashSet<>(courses);
        choices.forEach((course, choice) -> {
            if (choice == Choice.REMOVED) {
                kept.remove(course);
            }
        });
        Map<UUID, CourseBytes> here = media.onThisComputer(kept);
        Map<CourseId, CourseDownload> list = new LinkedHashMap<>();
        for (UUID course : courses) {
            Choice choice = choices.get(course);
            CourseBytes bytes = here.getOrDefault(course, CourseBytes.NONE);
            CourseDownload.State state = choice == Choice.REMOVED ? CourseDownload.State.REMOVED
                    : choice == Choice.PAUSED ? CourseDownload.State.PAUSED
                    : bytes.complete() ? CourseDownload.State.COMPLETE : CourseDownload.State.INCOMPLETE;
            list.put(new CourseId(course), state == CourseDownload.State.REMOVED
                    ? new CourseDownload(new CourseId(course), state, 0, 0, 0, 0)
                    : new CourseDownload(new CourseId(course), state, bytes.done(), bytes.total(), bytes.filesDone(),
                            bytes.files()));
        }
        return list;
    }

    /** Whether {@code bytes} more fit on the disk the profile's media is kept on, with the media stage's margin. */
    public Room room(long bytes) {
        try {
            DiskSpace.Free free = media.freeSpace();
            return new Room(MediaDownloader.roomFor(Math.max(0, bytes)), free.usableBytes(), free.volume());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tell the free space of the media folder: " + e.getMessage(), e);
        }
    }

    /**
     * Downloads the course for offline use: enrolls the learner on the server (or takes them back in), undoes a pause
     * or a removal here, and syncs at once; the sync brings the content, then the media.
     *
     * @return the sync's outcome
     * @throws edu.sevenp.desktop.sync.SyncFailure when the server refused (payment required, offline, signed out)
     */
    public CompletableFuture<SyncSummary> download(CourseId course) {
        sync.catalog().enroll(course);
        store.downloads().keep(course.value());
        LOG.info("course {} enrolled for download; syncing", course.value());
        return sync.syncNow();
    }

    /**
     * Cancels the download of the course's media: the file under way stops, keeping what arrived, and no more of the
     * course is fetched until {@link #resume}. The content already here stays usable.
     *
     * @return whether the course's download is now paused
     */
    public boolean cancel(CourseId course) {
        boolean paused = store.downloads().pause(course.value());
        media.stop(course.value());
        return paused;
    }

    /** Goes on with a cancelled download (from the bytes it had), or asks again for a removed one; syncs at once. */
    public CompletableFuture<SyncSummary> resume(CourseId course) {
        store.downloads().keep(course.value());
        return sync.syncNow();
    }

    /**
     * Removes the course's download from this computer: its content and the media files no other course uses go;
     * its outline and the learner's notes, bookmarks, progress and attempts stay, and nothing changes on the server.
     *
     * @return whether the library held the course
     */
    public boolean remove(CourseId course) {
        media.stop(course.value());
        boolean removed = store.downloads().remove(course.value());
        media.removeUnused();
        LOG.info("download of course {} removed from this computer", course.value());
        return removed;
    }
}
