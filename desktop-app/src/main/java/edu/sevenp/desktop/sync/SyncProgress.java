package edu.sevenp.desktop.sync;

import java.util.UUID;

/**
 * How far the running stage is: {@code done} of {@code total} in {@code unit} ({@code total} is -1 when it
 * is not known ahead, as for a pull), and for media also files done of files in all, and how far the course whose
 * file is downloading now is ({@code course}, null otherwise).
 */
public record SyncProgress(long done, long total, Unit unit, int filesDone, int filesTotal, CourseProgress course) {

    public enum Unit { CHANGES, ROWS, BYTES }

    /**
     * One course's media on this computer while the media stage works on it: {@code done} of {@code total} bytes
     * (verified files and download parts), {@code filesDone} of {@code filesTotal} files verified.
     */
    public record CourseProgress(UUID courseId, long done, long total, int filesDone, int filesTotal) {

        /** Between 0 and 1, or -1 when the size is not known. */
        public double fraction() {
            return fractionOf(done, total);
        }
    }

    public SyncProgress(long done, long total, Unit unit, int filesDone, int filesTotal) {
        this(done, total, unit, filesDone, filesTotal, null);
    }

    public static SyncProgress of(long done, long total, Unit unit) {
        return new SyncProgress(done, total, unit, 0, 0);
    }

    /** Between 0 and 1, or -1 when the total is not known. */
    public double fraction() {
        return fractionOf(done, total);
    }

    private static double fractionOf(long done, long total) {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
