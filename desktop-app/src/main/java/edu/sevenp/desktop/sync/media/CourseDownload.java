package edu.sevenp.desktop.sync.media;

import edu.sevenp.model.CourseId;
import java.util.Objects;

/**
 * A server course's copy on this computer: whether it is all here, and how much of its media is.
 *
 * @param bytesDone bytes of its media here (verified files, and what download parts hold)
 * @param bytesTotal bytes of all its media, as far as known
 * @param filesDone media files verified here
 */
public record CourseDownload(CourseId course, State state, long bytesDone, long bytesTotal, int filesDone, int filesTotal) {

    public enum State {
        /** The course's content and every media file it uses are on this computer. */
        COMPLETE,
        /** Some of its media is missing: the next sync downloads it (and resumes what a part holds). */
        INCOMPLETE,
        /** The learner cancelled the media download: what arrived stays, the rest waits until resumed. */
        PAUSED,
        /** The learner removed the download: only the outline and the learner's own records are here. */
        REMOVED
    }

    public CourseDownload {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(state, "state");
    }

    /** Between 0 and 1: a course without media, or a complete one, is 1; -1 when the size is not known. */
    public double fraction() {
        if (state == State.COMPLETE || filesTotal == 0) {
            return state == State.REMOVED ? 0 : 1;
        }
        return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }
}
