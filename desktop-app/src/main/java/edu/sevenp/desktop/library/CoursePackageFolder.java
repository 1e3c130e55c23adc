package edu.sevenp.desktop.library;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.ManifestModel.Headline;
import edu.sevenp.coursepackage.PackageRoot;
import edu.sevenp.desktop.store.CourseImporter;
import edu.sevenp.desktop.store.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An institution's folder of course packages (a USB stick, a network share): each {@code .zip} file and each folder with
 * a {@code manifest.json} in it is imported into the profile the first time, and again whenever it holds a newer
 * version than the library (the package's {@code course.version} against the installed course's, as {@code --import}
 * compares them). A package already in the library at its version or a newer one is told from its manifest alone, so
 * that a start does not read every package whole. A package that cannot be imported is reported and skipped; the
 * others still are.
 */
public final class CoursePackageFolder {

    private static final Logger LOG = LoggerFactory.getLogger(CoursePackageFolder.class);

    /** A package that could not be imported, with why in the learner's words (the details are logged). */
    public record Failure(Path location, String message) {
    }

    /** What one pass over the folder did: each package's outcome, and the packages that failed. */
    public record Report(Path folder, List<ImportSummary> imported, List<Failure> failures) {

        public Report {
            imported = List.copyOf(imported);
            failures = List.copyOf(failures);
        }

        /** The courses installed or updated by this pass. */
        public List<ImportSummary> changed() {
            return imported.stream().filter(summary -> summary.outcome() == ImportSummary.Outcome.INSTALLED
                    || summary.outcome() == ImportSummary.Outcome.UPDATED).toList();
        }
    }

    private final Path folder;
    private final CoursePackageReader reader;

    public CoursePackageFolder(Path folder, CoursePackageReader reader) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Imports what is new or newer, in name order; never throws for a package or an unreadable folder. */
    public Report importInto(CourseImporter importer) {
        List<Path> packages;
        try (Stream<Path> listing = Files.list(folder)) {
            packages = listing.filter(CoursePackageFolder::isPackage).sorted().toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The institution's course folder {} cannot be read", folder, e);
            return new Report(folder, List.of(), List.of(new Failure(folder, PackageImport.words("folderUnreadable", folder.toString()))));
        }
        List<ImportSummary> imported = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        PackageImport packageImport = new PackageImport(reader, importer);
        for (Path location : packages) {
            Optional<ImportSummary> nothingToDo = headline(location).flatMap(importer::writesNothing);
            if (nothingToDo.isPresent()) {
                imported.add(nothingToDo.get());
                continue;
            }
            try {
                ImportSummary summary = packageImport.importSummary(location, progress -> { });
                LOG.info("Institution course package {}: {}", location, summary.describe());
                imported.add(summary);
            } catch (PackageImport.ImportFailed e) {
                LOG.warn("The institution's course package {} was not imported: {}", location, e.getMessage(), e);
                failures.add(new Failure(location, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("The institution's course package {} was not imported", location, e);
                failures.add(new Failure(location, PackageImport.words("failedUnexpectedly", location.toString())));
            }
        }
        return new Report(folder, imported, failures);
    }

    private static boolean isPackage(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
            return false; // hidden files and folders (.DS_Store, .Trash-1000) are the file system's, not packages
        }
        return Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(PackageRoot.MANIFEST))
                : name.toLowerCase(Locale.ROOT).endsWith(".zip") && Files.isRegularFile(entry);
    }

    /** The manifest's headline, unchecked; empty when it cannot be read (the full read then says what is wrong). */
    private Optional<Headline> headline(Path location) {
        try (PackageRoot root = PackageRoot.open(location);
                InputStream manifest = Files.newInputStream(root.root().resolve(PackageRoot.MANIFEST))) {
            return Optional.of(reader.readHeadlineUnchecked(manifest));
        } catch (IOException | InvalidPackageException | RuntimeException e) {
            LOG.debug("No quick look at {}: {}", location, e.getMessage());
            return Optional.empty();
        }
    }
}
