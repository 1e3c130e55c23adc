package edu.sevenp.desktop.media;

import edu.sevenp.coursepackage.ContentHash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The profile's content-addressed media files: {@code <media folder>/<sha256>}. A file appears under
 * its name only complete and verified: it is copied to a temporary name, its hash checked, forced to
 * disk, then moved into place. A file under its hash name is therefore always the right content,
 * whoever left it there (an import that failed later, another course sharing it, a download).
 *
 * <p>A download arrives in {@code <sha256>.part} ({@link PartialFile}) and moves under its hash name only once
 * its hash is right ({@link #finish}). An import copies to {@code <sha256>.<random>.part}, so the two never share
 * a part.
 *
 * <p>Files only: which files the profile holds, and whether they are verified, is the store's
 * media_cache table. Hashes are course-package's {@link ContentHash}, the one SHA-256 of the project.
 */
public final class MediaFolder {

    private static final String PARTIAL = ".part";
    private static final int SHA_256_LENGTH = 64;

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

    /** Where a download of this file collects its bytes until it is complete and verified. */
    public Path partOf(String sha256) {
        return directory.resolve(sha256 + PARTIAL);
    }

    /** Whether the file is here under its name at {@code size} bytes (a file under its hash name is verified). */
    public boolean holds(String sha256, long size) {
        Path file = pathOf(sha256);
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the file is here under its name at {@code size} bytes and, read again, has its hash: a file moved
     * into place by a download or an import whose row never got written (the process ended in between).
     */
    public boolean holdsVerified(String sha256, long size) throws IOException {
        return holds(sha256, size) && ContentHash.sha256(pathOf(sha256)).equals(sha256);
    }

    /** The bytes a download of this file has collected so far; 0 when there is no part. */
    public long partLength(String sha256) {
        try {
            return Files.isRegularFile(partOf(sha256)) ? Files.size(partOf(sha256)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Opens (creating it empty) the download part of this file, and hashes what it already holds. */
    public PartialFile openPart(String sha256) throws IOException {
        Files.createDirectories(directory);
        return PartialFile.open(partOf(sha256));
    }

    /**
     * Ends a download: with the hash {@code sha256}, the part goes to disk and moves under its hash name, ready
     * to use; with any other, the part is deleted and nothing else changes. Closes the part either way.
     *
     * @return whether the file had its hash and is now in place
     */
    public boolean finish(PartialFile part, String sha256) throws IOException {
        String actual = part.finishHash();
        if (!actual.equals(sha256)) {
            discard(part);
            return false;
        }
        part.force();
        part.close();
        moveIntoPlace(part.path(), pathOf(sha256));
        return true;
    }

    /** Gives a download up: the part is closed and deleted. */
    public void discard(PartialFile part) throws IOException {
        part.close();
        Files.deleteIfExists(part.path());
    }

    /** Removes the file with this hash and any download part of it; what is not there is fine. */
    public void remove(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
        Files.deleteIfExists(partOf(sha256));
    }

    /** The hashes of the download parts in the folder ({@code <sha256>.part}; an import's parts are not listed). */
    public List<String> partHashes() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.length() == SHA_256_LENGTH + PARTIAL.length() && name.endsWith(PARTIAL))
                    .map(name -> name.substring(0, SHA_256_LENGTH))
                    .filter(ContentHash::isSha256)
                    .sorted()
                    .toList();
        }
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
