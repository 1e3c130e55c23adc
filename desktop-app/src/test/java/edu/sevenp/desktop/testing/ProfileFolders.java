package edu.sevenp.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Profile folders handled the way learners and their tools handle them. */
public final class ProfileFolders {

    private ProfileFolders() {
    }

    /**
     * Copies a closed profile folder file by file to {@code to} (which must not exist), as a backup tool or a
     * learner with a file manager would: the copy is a new folder with the same files.
     */
    public static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
