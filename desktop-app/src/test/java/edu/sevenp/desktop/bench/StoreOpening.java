package edu.sevenp.desktop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.json.JsonMapperFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Opening a profile as the player starts: the store (H2 file, migration check, profile identity), the
 * bundled sample's version check (with its JSON mapper, made there as {@code DesktopContext} makes it),
 * and the first screen's query (the library of every course). As a main it is the child JVM of a cold
 * start, printing {@code opened <jvm ns> <store ns> <sample ns> <library ns>}, where the first is the time
 * from the JVM's start to {@code main} (JVM start-up and loading this class).
 */
public final class StoreOpening {

    /** The phases of one opening, in nanoseconds; {@code jvm} is 0 in a JVM that was running already. */
    record Timing(long jvm, long store, long sample, long library) {
        long total() {
            return jvm + store + sample + library;
        }
    }

    private StoreOpening() {
    }

    public static void main(String[] args) {
        long mainEntered = System.currentTimeMillis();
        Timing timing = measure(Path.of(args[0]));
        // Asked afterwards, so that loading the management classes is not in the phases; milliseconds suffice.
        long jvm = TimeUnit.MILLISECONDS.toNanos(mainEntered - ManagementFactory.getRuntimeMXBean().getStartTime());
        System.out.println("opened " + jvm + " " + timing.store() + " " + timing.sample() + " " + timing.library());
    }

    /** One opening in this JVM (its {@code jvm} phase is 0). */
    static Timing measure(Path profile) {
        long start = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            long opened = System.nanoTime();
            ObjectMapper strict = JsonMapperFactory.createStrict();
            ImportSummary sample = new BundledCourse(new CoursePackageReader(strict)).install(store.importer());
            if (sample.outcome() != ImportSummary.Outcome.UNCHANGED) {
                throw new IllegalStateException("the sample should have been installed before: " + sample.describe());
            }
            long checked = System.nanoTime();
            int courses = LearningServices.over(store, Clock.systemUTC()).courses().library().size();
            if (courses == 0) {
                throw new IllegalStateException("the library is empty");
            }
            long listed = System.nanoTime();
            return new Timing(0, opened - start, checked - opened, listed - checked);
        }
    }

    static Timing parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 5 || !fields[0].equals("opened")) {
            throw new IllegalStateException("unexpected output of the cold start: " + line);
        }
        return new Timing(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                Long.parseLong(fields[4]));
    }
}
