package edu.sevenp.desktop.institution;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong in an institution configuration file: where (the file, and its line; 0 for the file as a whole) and
 * what, in words for the administrator who wrote the file. The entry it concerns is left out; the rest still applies.
 */
public record ConfigProblem(Path file, int line, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    /** {@code /etc/sevenp/institution.properties:12: …}, as an editor's "go to" reads it. */
    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
    }
}
