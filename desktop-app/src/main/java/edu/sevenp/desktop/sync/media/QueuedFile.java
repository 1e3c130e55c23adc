package edu.sevenp.desktop.sync.media;

import java.util.UUID;

/**
 * A media file to download.
 *
 * @param courseId the first course (in the queue's order) that uses it
 * @param size its size in bytes, or -1 until the server says
 * @param present bytes an earlier download left in its part
 */
record QueuedFile(UUID courseId, String sha256, long size, long present) {

    boolean sizeKnown() {
        return size > 0;
    }

    /** Bytes still to come, as far as known. */
    long missing() {
        return sizeKnown() ? Math.max(0, size - present) : 0;
    }
}
