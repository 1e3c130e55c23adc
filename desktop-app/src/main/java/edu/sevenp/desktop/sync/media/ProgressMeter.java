package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.media.MediaQueue.CourseBytes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts the media stage's bytes and files, in all and for the course whose file is downloading, and tells the status
 * board at most every {@link #INTERVAL}: a download reads 64 KiB at a time, thousands of times a second, and each
 * report wakes the UI.
 */
final class ProgressMeter {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final Consumer<SyncProgress> sink;
    private final LongSupplier nanoTime;
    private final int filesTotal;
    private final Map<UUID, CourseBytes> courses;
    private long done;
    private long total;
    private int filesDone;
    private UUID course;
    private long lastReport;
    private boolean reported;

    /**
     * @param done bytes already here when the stage starts (parts of earlier downloads)
     * @param courses how much of each course's media is here when the stage starts
     * @param nanoTime {@link System#nanoTime()}, or a test's ticker
     */
    ProgressMeter(Consumer<SyncProgress> sink, LongSupplier nanoTime, long done, long total, int filesTotal,
            Map<UUID, CourseBytes> courses) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.done = done;
        this.total = total;
        this.filesTotal = filesTotal;
        this.courses = new HashMap<>(courses);
    }

    /** The next bytes belong to {@code file}'s course; another course than before is told at once. */
    void startFile(QueuedFile file) {
        boolean another = course != null && !course.equals(file.courseId());
        course = file.courseId();
        if (another) {
            report();
        }
    }

    /** {@code bytes} more are here (fewer, when negative: a part started over). */
    void bytes(long bytes) {
        done += bytes;
        onCourse(bytes, 0, false);
        reportNowAndThen();
    }

    /** The server told a size the store did not know, or another than it said. */
    void resized(long difference) {
        total += difference;
        onCourse(0, difference, false);
    }

    /** The file is finished with, {@code verified} or not (refused, damaged: tried again at the next sync). */
    void fileDone(boolean verified) {
        filesDone++;
        onCourse(0, 0, verified);
        reportNowAndThen();
    }

    /** Reports now, whenever the last report was: at the start and at the end. */
    void report() {
        lastReport = nanoTime.getAsLong();
        reported = true;
        CourseBytes bytes = course == null ? null : courses.get(course);
        sink.accept(new SyncProgress(done, total, SyncProgress.Unit.BYTES, filesDone, filesTotal, bytes == null ? null
                : new SyncProgress.CourseProgress(course, bytes.done(), bytes.total(), bytes.filesDone(), bytes.files())));
    }

    private void onCourse(long bytes, long size, boolean verified) {
        if (course != null) {
            CourseBytes now = courses.getOrDefault(course, CourseBytes.NONE);
            courses.put(course, new CourseBytes(now.done() + bytes, now.total() + size,
                    now.filesDone() + (verified ? 1 : 0), now.files()));
        }
    }

    private void reportNowAndThen() {
        if (!reported || nanoTime.getAsLong() - lastReport >= INTERVAL.toNanos()) {
            report();
        }
    }
}
