package edu.sevenp.desktop.sync;

/**
 * How far the running stage is: {@code done} of {@code total} in {@code unit} ({@code total} is -1 when it
 * is not known ahead, as for a pull), and for media also files done of files in all.
 */
public record SyncProgress(long done, long total, Unit unit, int filesDone, int filesTotal) {

    public enum Unit { CHANGES, ROWS, BYTES }

    public static SyncProgress of(long done, long total, Unit unit) {
        return new SyncProgress(done, total, unit, 0, 0);
    }

    /** Between 0 and 1, or -1 when the total is not known. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
