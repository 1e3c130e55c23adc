package edu.sevenp.desktop.media;

import edu.sevenp.coursepackage.ContentHash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * The profile's content-addressed media files: {@code <media folder>/<sha256>}. A file appears under
 * its name only complete and verified: it is copied to a temporary name, its hash checked, forced to
 * disk, then moved into place. A file under its hash name is therefore always the right content,
 * whoever left it there (an import that failed later, another course sharing it, a download).
 *
 * <p>Files only: which files the profile holds, and whether they are verified, is the store's
 * media_cache table. Hashes are course-package's {@link ContentHash}, the one SHA-256 of the project.
 */
public final class MediaFolder {

    private static final String PARTIAL = ".part";

    private final Path directory;

    public MediaFolder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** Where the file with this hash lives, relative to the media folder (media_cache.file_path). */
    public static String relativePath(String sha256) {
        return sha256;
    }

    public Path pathOf(String sha256) {
        return directory.resolve(relativePath(sha256));
    }

    /**
     * Makes sure the folder holds a verified copy of {@code source}, whose manifest says it has
     * {@code sha256} and {@code size}.
     *
     * @param knownVerified the media cache already lists this hash as verified: a file of the right size
     *                      under its name is taken as it is, without reading it again
     * @throws MediaChangedException when the copy does not have the hash (the package changed after it was checked)
     */
    public void put(Path source, String sha256, long size, boolean knownVerified) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == size
                && (knownVerified || ContentHash.sha256(target).equals(sha256))) {
            return;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve(sha256 + "." + UUID.randomUUID() + PARTIAL);
        try {
            String actual = ContentHash.copy(source, partial);
            if (!actual.equals(sha256)) {
                throw new MediaChangedException(sha256, actual);
            }
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A verified file goes to disk first, then under its name in one step: never a half file under a hash name. */
    private static void moveIntoPlace(Path verified, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(verified, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A copied file did not have the hash its package promised. */
    public static final class MediaChangedException extends IOException {

        private static final long serialVersionUID = 1L;

        MediaChangedException(String expected, String actual) {
            super("the copy has SHA-256 " + actual + ", not " + expected);
        }
    }
}
