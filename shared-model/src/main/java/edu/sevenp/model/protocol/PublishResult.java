package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer to publishing a course package ({@code POST /courses/publish}).
 *
 * @param versionNumber the server's number of this version (the number it would get, for a dry run)
 * @param packageVersion the package's own {@code course.version}
 * @param newMediaBytes bytes of media the server did not hold before
 */
public record PublishResult(UUID courseId, int versionNumber, String packageVersion, OffsetDateTime publishedAt,
        int lessons, int quizzes, int mediaFiles, long mediaBytes, long newMediaBytes, Removed removed, boolean dryRun) {

    /** Rows of the course that the new version no longer has. */
    public record Removed(int sections, int lessons, int quizzes, int questions, int resources) {
        public static final Removed NONE = new Removed(0, 0, 0, 0, 0);
    }
}
