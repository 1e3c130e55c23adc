package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.CoursePackageFolder;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.model.CourseId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the player window needs from an opened profile, and how to let go of it again. The launcher
 * builds it from the profile's context, so the {@code ui} package never opens a store itself.
 *
 * @param search the profile's search, started before (it may block until the index opens)
 * @param sync the profile's sync engine, not started yet: the window starts it and stops it
 * @param downloads the profile's server courses on this computer, over {@code sync}
 * @param imports imports course packages from disk into the profile
 * @param preferredCourse the course to open first (may be null)
 * @param closer closes the profile (store and index) once the window's last writes are done
 * @param institutionCourses the course packages of the institution's folder that could not be imported as the profile
 *        opened (docs/institution-config.md)
 */
public record PlayerServices(LearningServices learning, LibraryService library, Supplier<SearchService> search,
        SyncService sync, CourseDownloads downloads, PackageImport imports, CourseId preferredCourse, Runnable closer,
        List<CoursePackageFolder.Failure> institutionCourses) implements AutoCloseable {

    /** A profile without an institution's course folder. */
    public PlayerServices(LearningServices learning, LibraryService library, Supplier<SearchService> search,
            SyncService sync, CourseDownloads downloads, PackageImport imports, CourseId preferredCourse, Runnable closer) {
        this(learning, library, search, sync, downloads, imports, preferredCourse, closer, List.of());
    }

    public PlayerServices {
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(closer, "closer");
        institutionCourses = List.copyOf(institutionCourses);
    }

    @Override
    public void close() {
        closer.run();
    }
}
