package edu.sevenp.desktop.library;

import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.desktop.failure.ExplainedFailure;
import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.store.CourseImporter;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.StoreException;
import edu.sevenp.model.CourseId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports a course package from disk into the profile, as {@code --import} does: a {@code .zip} file, a package
 * folder, or the {@code manifest.json} inside one. The whole package is checked first; a broken one changes nothing.
 */
public final class PackageImport {

    /** The learner's words, in the bundle of this package (read in the default locale when a failure is made). */
    private static final FailureWords WORDS = FailureWords.of(PackageImport.class);

    /** What the import is doing. */
    public enum Phase {
        /** Reading the package and checking every file it names (sizes and hashes). */
        CHECKING,
        /** Copying its media and resource files into the profile's media folder. */
        COPYING,
        /** Writing the course into the library, in one transaction. */
        SAVING
    }

    /** How far an import is: its phase, and while copying, files done of files in all. */
    public record Progress(Phase phase, int filesDone, int files) {
    }

    /** A course imported (or found already there). */
    public record Imported(CourseId course, String title, String summary) {
    }

    /** The package could not be imported; the message says why, in full, for the learner. Nothing was imported. */
    public static final class ImportFailed extends RuntimeException implements ExplainedFailure {

        private static final long serialVersionUID = 1L;
        private final Remedy remedy;

        ImportFailed(String message, Throwable cause, Remedy remedy) {
            super(message, cause);
            this.remedy = remedy;
        }

        /** A broken or unreadable package is the package's fault; a library that could not be written, this computer's. */
        @Override
        public Remedy remedy() {
            return remedy;
        }
    }

    private final CoursePackageReader reader;
    private final CourseImporter importer;

    public PackageImport(CoursePackageReader reader, CourseImporter importer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.importer = Objects.requireNonNull(importer, "importer");
    }

    /** The package a chosen or dropped path stands for: a manifest.json names its folder. */
    public static Path packageOf(Path chosen) {
        Path name = chosen.getFileName();
        if (name != null && name.toString().equals("manifest.json") && chosen.getParent() != null) {
            return chosen.getParent();
        }
        return chosen;
    }

    /** Whether a dropped path may be a course package (a folder, a .zip file, or a manifest.json). */
    public static boolean mayBePackage(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(path) || name.endsWith(".zip") || name.equals("manifest.json");
    }

    /**
     * Checks and imports the package; call it off the UI thread.
     *
     * @throws ImportFailed with every problem of a broken package, or why the files or the library could not be
     *         written; nothing was imported
     */
    public Imported run(Path chosen, Consumer<Progress> progress) {
        ImportSummary summary = importSummary(chosen, progress);
        return new Imported(summary.courseId(), summary.title(), summary.describe());
    }

    /** As {@link #run}, answering what the import did (installed, updated, unchanged, or kept a newer version). */
    ImportSummary importSummary(Path chosen, Consumer<Progress> progress) {
        Path location = packageOf(chosen);
        progress.accept(new Progress(Phase.CHECKING, 0, 0));
        try (CoursePackage coursePackage = reader.read(location)) {
            return importer.importPackage(coursePackage, (done, total) -> progress.accept(
                    done < total ? new Progress(Phase.COPYING, done, total) : new Progress(Phase.SAVING, done, total)));
        } catch (InvalidPackageException e) {
            throw new ImportFailed(invalid(e), e, ExplainedFailure.Remedy.CHECK_PACKAGE);
        } catch (IOException e) {
            // The file system's words (a zip's "END header not found", a class name) go to the log with the cause.
            throw new ImportFailed(WORDS.text("unreadable", location.toString()) + "\n" + WORDS.text("nothingImported"), e,
                    ExplainedFailure.Remedy.CHECK_PACKAGE);
        } catch (StoreException e) {
            throw new ImportFailed(e.getMessage(), e, e.remedy());
        }
    }

    /** The learner's words for {@code key} of this package's bundle (for {@link CoursePackageFolder}). */
    static String words(String key, Object... arguments) {
        return WORDS.text(key, arguments);
    }

    /**
     * The headline over the problems (file, field and what is wrong: the course's author reads them), then that
     * nothing was imported, all in the learner's language.
     */
    private static String invalid(InvalidPackageException e) {
        StringBuilder words = new StringBuilder(WORDS.text("invalid", e.source(), e.problems().size()));
        ProblemWords problems = ProblemWords.ofDefaultLocale();
        e.problems().forEach(problem -> words.append("\n  ").append(problems.line(problem)));
        return words.append('\n').append(WORDS.text("nothingImported")).toString();
    }
}
