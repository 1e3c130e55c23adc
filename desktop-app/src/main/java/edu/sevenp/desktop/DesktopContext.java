package edu.sevenp.desktop;

import edu.sevenp.desktop.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.util.Objects;

/**
 * The player's services for one profile, wired once: the local store (opened and migrated), the
 * bundled sample course (installed or updated), the library and the package reader.
 */
public final class DesktopContext implements AutoCloseable {

    private final DesktopPaths paths;
    private final LocalStore store;
    private final CoursePackageReader packageReader;
    private final ImportSummary sample;

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
        store.close();
    }
}
