package edu.sevenp.desktop.learning;

/**
 * Where a video lesson starts when it opens again: where the learner left it, a little earlier so that the
 * sentence cut off is heard again, and from the start once they had got to its end.
 */
public final class VideoResume {

    /** Played back again on resuming, for context. */
    static final int REWIND_SECONDS = 2;
    /** Left this close to the end (or closer), a video starts again from the beginning. */
    static final int END_MARGIN_SECONDS = 5;

    private VideoResume() {
    }

    /**
     * @param lastPosition the position saved with the learner's progress, in seconds
     * @param durationSeconds the video's length; 0 or less when not known yet
     * @return the second to start at
     */
    public static int startAt(int lastPosition, double durationSeconds) {
        if (lastPosition <= REWIND_SECONDS) {
            return 0;
        }
        if (durationSeconds > 0 && lastPosition >= durationSeconds - END_MARGIN_SECONDS) {
            return 0;
        }
        return lastPosition - REWIND_SECONDS;
    }
}
