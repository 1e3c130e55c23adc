package edu.sevenp.desktop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opening a profile as the player starts: the store (H2 file, migration check, profile identity), the
 * bundled sample's version check, and the first screen's query (the library of every course). As a main
 * it is the child JVM of a cold start, printing {@code opened <store ns> <sample ns> <library ns>}.
 */
public final class StoreOpening {

    /** The phases of one opening, in nanoseconds. */
    record Timing(long store, long sample, long library) {
        long total() {
            return store + sample + library;
        }
    }

    private static final ObjectMapper STRICT = JsonMapperFactory.createStrict();

    private StoreOpening() {
    }

    public static void main(String[] args) {
        Timing timing = measure(Path.of(args[0]));
        System.out.println("opened " + timing.store() + " " + timing.sample() + " " + timing.library());
    }

    static Timing measure(Path profile) {
        long start = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            long opened = System.nanoTime();
            ImportSummary sample = new BundledCourse(new CoursePackageReader(STRICT)).install(store.importer());
            if (sample.outcome() != ImportSummary.Outcome.UNCHANGED) {
                throw new IllegalStateException("the sample should have been installed before: " + sample.describe());
            }
            long checked = System.nanoTime();
            int courses = LearningServices.over(store, Clock.systemUTC()).courses().library().size();
            if (courses == 0) {
                throw new IllegalStateException("the library is empty");
            }
            long listed = System.nanoTime();
            return new Timing(opened - start, checked - opened, listed - checked);
        }
    }

    static Timing parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 4 || !fields[0].equals("opened")) {
            throw new IllegalStateException("unexpected output of the cold start: " + line);
        }
        return new Timing(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
    }
}
