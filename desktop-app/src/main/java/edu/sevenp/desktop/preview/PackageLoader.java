package edu.sevenp.desktop.preview;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.store.CourseImporter;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a previewed package from disk, with the rules a learner's player imports by, and writes it into the preview's
 * store in place of what was there: every edit shows, although the package's version stays the same
 * ({@link CourseImporter#replacePackage}). A broken package leaves the store as it was.
 */
public final class PackageLoader {

    private final CoursePackageReader reader;
    private final CourseImporter importer;
    private final Path location;

    /** @param location a package folder, a {@code .zip}, or a folder's {@code manifest.json} */
    public PackageLoader(CoursePackageReader reader, CourseImporter importer, Path location) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.location = PackageImport.packageOf(Objects.requireNonNull(location, "location"));
    }

    /** The package folder or {@code .zip} file this loader reads. */
    public Path location() {
        return location;
    }

    /** Reads the package and stores it; call it off the UI thread, one load at a time. */
    public PreviewLoad load() {
        long started = System.nanoTime();
        try (CoursePackage coursePackage = reader.read(location, PackagePurpose.IMPORT)) {
            ImportSummary summary = importer.replacePackage(coursePackage);
            return PreviewLoad.loaded(summary.courseId(), since(started));
        } catch (InvalidPackageException e) {
            return PreviewLoad.invalid(e.problems(), since(started));
        } catch (IOException | UncheckedIOException e) {
            return PreviewLoad.failed("Cannot read " + location + ": " + e.getMessage(), since(started));
        } catch (StoreException e) {
            return PreviewLoad.failed(e.getMessage(), since(started));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
