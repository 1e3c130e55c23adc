package edu.sevenp.desktop.library;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.ManifestModel.Headline;
import edu.sevenp.desktop.store.CourseImporter;
import edu.sevenp.desktop.store.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sample course shipped inside the application ("Introduction to Relational Databases"). It is
 * an ordinary course package kept in the application's resources, installed into a new library and
 * updated when a newer application ships a newer version.
 */
public final class BundledCourse {

    static final String SAMPLE_MANIFEST = "/edu/sevenp/desktop/sample/intro-to-relational-databases/manifest.json";

    private final CoursePackageReader reader;

    public BundledCourse(CoursePackageReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Installs or updates the sample course; an unchanged sample leaves the library untouched. */
    public ImportSummary install(CourseImporter importer) {
        // Nearly every start finds this version installed, which the manifest alone tells; reading and
        // checking the whole package was most of this check's time (about 150 ms in a new JVM).
        return importer.unchangedBy(headline()).orElseGet(() -> withPackage(importer::importPackage));
    }

    private Headline headline() {
        URL manifest = BundledCourse.class.getResource(SAMPLE_MANIFEST);
        if (manifest == null) {
            throw new IllegalStateException("The sample course is missing from the application (" + SAMPLE_MANIFEST + ")");
        }
        try (InputStream in = manifest.openStream()) {
            return reader.readHeadlineUnchecked(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample course: " + e.getMessage(), e);
        }
    }

    /** The sample's manifest and lesson bodies; its files are closed again (use {@link #install} to import). */
    CoursePackage read() {
        return withPackage(Function.identity());
    }

    private <T> T withPackage(Function<CoursePackage, T> use) {
        URL manifest = BundledCourse.class.getResource(SAMPLE_MANIFEST);
        if (manifest == null) {
            throw new IllegalStateException("The sample course is missing from the application (" + SAMPLE_MANIFEST + ")");
        }
        try {
            URI uri = manifest.toURI();
            if ("jar".equals(uri.getScheme())) {
                return fromJar(uri, use);
            }
            try (CoursePackage coursePackage = reader.read(Path.of(uri).getParent())) {
                return use.apply(coursePackage);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample course: " + e.getMessage(), e);
        } catch (InvalidPackageException | URISyntaxException e) {
            throw new IllegalStateException("The sample course shipped with the application is broken: " + e.getMessage(), e);
        }
    }

    private <T> T fromJar(URI uri, Function<CoursePackage, T> use) throws IOException, InvalidPackageException {
        FileSystem jar;
        boolean openedHere;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            openedHere = true;
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // Some other code has the application jar open as a file system: read through theirs.
            jar = FileSystems.getFileSystem(uri);
            openedHere = false;
        }
        try (CoursePackage coursePackage = reader.read(jar.provider().getPath(uri).getParent())) {
            return use.apply(coursePackage);
        } finally {
            if (openedHere) {
                jar.close();
            }
        }
    }
}
