package edu.sevenp.desktop.preview;

import edu.sevenp.desktop.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The throw-away library a preview shows its course from: a store in a new temporary folder, never a learner's
 * profile. Whatever the instructor does in the preview (notes, progress, quiz attempts) is written here, and the
 * folder is deleted, store, media and search index with it, when the preview closes.
 */
public final class PreviewStore implements AutoCloseable {

    /** The profile name the store is made for; no profile of the data folder is ever touched. */
    static final String PROFILE = "preview";

    private final Path folder;
    private final LocalStore store;

    private PreviewStore(Path folder, LocalStore store) {
        this.folder = folder;
        this.store = store;
    }

    /** Makes a new temporary folder and an empty store in it. */
    public static PreviewStore create() {
        Path folder;
        try {
            folder = Files.createTempDirectory("sevenp-preview-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the preview: " + e.getMessage(), e);
        }
        try {
            return new PreviewStore(folder, LocalStore.openFile(folder, PROFILE));
        } catch (RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    public LocalStore store() {
        return store;
    }

    /** The temporary folder, gone once {@link #close()} returns. */
    public Path folder() {
        return folder;
    }

    /** Closes the store and deletes its folder. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the preview's folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
