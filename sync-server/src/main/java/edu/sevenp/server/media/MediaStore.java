package edu.sevenp.server.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media files live, by SHA-256 (content-addressed: a file never changes under its name). A folder in the
 * server's data directory by default ({@link FolderMediaStore}); an object store would implement the same.
 */
public interface MediaStore {

    /** The stored file with this hash, if there is one. */
    Optional<StoredFile> find(String sha256);

    /**
     * Stores {@code source} under {@code sha256} unless a file with that hash is stored already; checks the hash
     * while copying. Returns the bytes newly stored (0 when it was there).
     *
     * @throws IOException when the file cannot be read or written, or its content does not have this hash
     */
    long store(String sha256, Path source) throws IOException;

    /** A stored file: where to read it and how long it is. */
    record StoredFile(Path path, long size) {
    }
}
