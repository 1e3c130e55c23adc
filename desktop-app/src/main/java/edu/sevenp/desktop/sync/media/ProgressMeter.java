package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.sync.SyncProgress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts the media stage's bytes and files and tells the status board at most every {@link #INTERVAL}: a download
 * reads 64 KiB at a time, thousands of times a second, and each report wakes the UI.
 */
final class ProgressMeter {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final Consumer<SyncProgress> sink;
    private final LongSupplier nanoTime;
    private final int filesTotal;
    private long done;
    private long total;
    private int filesDone;
    private long lastReport;
    private boolean reported;

    /**
     * @param done bytes already here when the stage starts (parts of earlier downloads)
     * @param nanoTime {@link System#nanoTime()}, or a test's ticker
     */
    ProgressMeter(Consumer<SyncProgress> sink, LongSupplier nanoTime, long done, long total, int filesTotal) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.done = done;
        this.total = total;
        this.filesTotal = filesTotal;
    }

    /** {@code bytes} more are here (fewer, when negative: a part started over). */
    void bytes(long bytes) {
        done += bytes;
        reportNowAndThen();
    }

    /** The server told a size the store did not know, or another than it said. */
    void resized(long difference) {
        total += difference;
    }

    void fileDone() {
        filesDone++;
        reportNowAndThen();
    }

    /** Reports now, whenever the last report was: at the start and at the end. */
    void report() {
        lastReport = nanoTime.getAsLong();
        reported = true;
        sink.accept(new SyncProgress(done, total, SyncProgress.Unit.BYTES, filesDone, filesTotal));
    }

    private void reportNowAndThen() {
        if (!reported || nanoTime.getAsLong() - lastReport >= INTERVAL.toNanos()) {
            report();
        }
    }
}
