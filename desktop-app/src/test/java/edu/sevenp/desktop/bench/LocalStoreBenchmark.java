package edu.sevenp.desktop.bench;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreBenchmarkData;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The local-store benchmark (issue 4): generates a profile of the size, then measures opening it,
 * opening lessons, recording progress, searching and importing a package. Prints a Markdown report and
 * writes it to {@code desktop-app/target/local-store-benchmark.md}.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-desktop -DskipTests verify              (the size)
 * mvn -pl desktop-app -am -Pbench-desktop -DskipTests verify -Dbench.size=small</pre>
 *
 * It is a benchmark, not a test: it prints figures and never fails on time.
 */
public final class LocalStoreBenchmark {

    /** Lessons are opened and progress recorded in this many courses: a learner's own, not the whole catalog. */
    private static final int STUDIED_COURSES = 100;
    private static final int WARM_OPENS = 10;
    private static final int COLD_OPENS = 5;

    private final BenchSize size;
    private final Path scratch;
    private final Path profile;
    private final Report report;
    private final Random random = new Random(42);

    private LocalStoreBenchmark(BenchSize size, Path scratch, Report report) {
        this.size = size;
        this.scratch = scratch;
        this.profile = scratch.resolve("profile");
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        BenchSize size = BenchSize.named(System.getProperty("bench.size", "issue"));
        Path reportFile = Path.of(System.getProperty("bench.report", "target/local-store-benchmark.md"));
        Path scratch = Path.of(System.getProperty("bench.folder", "target/local-store-bench"));
        Report report = new Report();
        new LocalStoreBenchmark(size, scratch, report).run();
        report.writeTo(reportFile);
        System.out.println();
        System.out.println("Report written to " + reportFile.toAbsolutePath());
    }

    private void run() throws Exception {
        report.line("# Local store benchmark (%s size)", size.name());
        report.line("");
        report.line("Machine: %d cores, %d MiB max heap, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
        report.line("Load average (1, 5, 15 min) at the start: %s", loadAverage());
        report.line("");
        Folders.deleteRecursively(scratch);
        StoreBenchmarkData.Generated generated = generate();
        opening();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            StoreBenchmarkData data = new StoreBenchmarkData(store, 7, 20_000);
            LearningServices services = LearningServices.over(store, Clock.systemUTC());
            Studied studied = studied(generated);
            lessonsAndProgress(services, studied);
            report.line("## Search");
            report.line("");
            new SearchWorkload(store, data, report).run(size.samples(), services.notes(), studied.lessons().get(0));
            report.line("## Importing a package of %d lessons", size.importLessons());
            report.line("");
            new ImportWorkload(store, data, report).run(size.importLessons(), scratch.resolve("packages"));
        }
        report.line("Load average at the end: %s", loadAverage());
    }

    private StoreBenchmarkData.Generated generate() throws IOException {
        long start = System.nanoTime();
        StoreBenchmarkData.Generated generated;
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            generated = new StoreBenchmarkData(store, 42, 20_000).generate(size.courses(), BenchSize.SECTIONS_PER_COURSE,
                    size.lessonsPerSection(), size.notes(), store.identity().userId().value());
            // The player installs its sample course into every profile; its check is part of every start.
            new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());
        }
        report.line("## Data set");
        report.line("");
        report.line("Generated by `StoreBenchmarkData` in %.1f s: %,d courses, %,d lessons (Markdown, about 200 words each), "
                + "%,d notes of the profile's learner (10 to 60 words), words drawn by Zipf's law from 20,000; plus the "
                + "bundled sample course. Store file: %.0f MB.", (System.nanoTime() - start) / 1e9, size.courses(),
                generated.lessons().size(), size.notes(), Files.size(profile.resolve("store.mv.db")) / 1e6);
        report.line("");
        return generated;
    }

    /** Opening the profile: in this (warm) JVM, and in a new JVM each time, as a user starting the player. */
    private void opening() throws Exception {
        List<StoreOpening.Timing> warm = new ArrayList<>();
        for (int i = 0; i < WARM_OPENS; i++) {
            warm.add(StoreOpening.measure(profile));
        }
        List<StoreOpening.Timing> cold = new ArrayList<>();
        for (int i = 0; i < COLD_OPENS; i++) {
            cold.add(coldOpen());
        }
        report.line("## Opening the database at start-up");
        report.line("");
        report.line("JVM start: from the new JVM's start to `main` (none in a warm JVM). The store (`LocalStore.openFile`: "
                + "the H2 file, the migration check, the profile's identity), the bundled sample's version check (with "
                + "its JSON mapper), and the first screen's query (the library: every course with the learner's "
                + "enrollment). Warm: %d opens in the benchmark's JVM after closing the store. Cold: %d new JVMs "
                + "(class loading included, the file in the operating system's cache). Median and worst by total, in ms.",
                WARM_OPENS, COLD_OPENS);
        report.line("");
        report.line("| open | JVM start | store | sample check | library query | **total** | target |");
        report.line("|---|---:|---:|---:|---:|---:|---|");
        openRow("warm JVM, median", median(warm));
        openRow("warm JVM, worst", worst(warm));
        openRow("new JVM, median", median(cold));
        openRow("new JVM, worst", worst(cold));
        report.line("");
    }

    private StoreOpening.Timing coldOpen() throws Exception {
        try (ChildJvm child = ChildJvm.start(StoreOpening.class, profile.toString())) {
            for (Optional<String> line = child.nextLine(Duration.ofMinutes(2)); line.isPresent();
                    line = child.nextLine(Duration.ofMinutes(2))) {
                if (line.get().startsWith("opened ")) {
                    child.process().waitFor();
                    return StoreOpening.parse(line.get());
                }
            }
            throw new IllegalStateException("the cold start ended without a timing (exit " + child.process().waitFor() + ")");
        }
    }

    private void openRow(String what, StoreOpening.Timing timing) {
        report.line("| %s | %.0f | %.0f | %.0f | %.0f | **%.0f** | < 300 ms |", what, timing.jvm() / 1e6, timing.store() / 1e6,
                timing.sample() / 1e6, timing.library() / 1e6, timing.total() / 1e6);
    }

    private void lessonsAndProgress(LearningServices services, Studied studied) {
        // The first open of a lesson in a course enrolls the learner (a write): the learner is enrolled already.
        studied.courses().forEach(services.enrollments()::enroll);
        Latencies opens = measure(studied.lessons(), lesson -> services.lessons().open(lesson));
        Latencies writes = measure(studied.lessons(), lesson -> services.progress().recordVisit(lesson, random.nextInt(600),
                BigDecimal.valueOf(random.nextInt(101)), 1 + random.nextInt(30)));
        report.line("## Lessons and progress");
        report.line("");
        report.line("Random lessons of %d courses the learner is enrolled in (%,d lessons); %d warm-up runs, then %d "
                + "measured. Lesson open is `LessonService.open`: the body, the learner's progress, notes and bookmarks, "
                + "and the enrollment, in one read. Recording progress is `ProgressService.recordVisit`: the row, the "
                + "course's roll-up and the outbox entry in one transaction, until the commit returns (each commit is "
                + "written to the file; the fsync follows within 200 ms on another thread).", studied.courses().size(),
                studied.lessons().size(), size.samples(), size.samples());
        report.line("");
        report.latencyTable();
        report.latencies("lesson open (content, notes, progress)", opens, "p95 < 2 ms");
        report.latencies("recording progress (write and outbox entry, committed)", writes, "p95 < 2 ms");
        report.line("");
    }

    private Latencies measure(List<LessonId> lessons, Consumer<LessonId> operation) {
        for (int i = 0; i < size.samples(); i++) {
            operation.accept(lessons.get(random.nextInt(lessons.size())));
        }
        Latencies times = new Latencies(size.samples());
        for (int i = 0; i < size.samples(); i++) {
            LessonId lesson = lessons.get(random.nextInt(lessons.size()));
            long start = System.nanoTime();
            operation.accept(lesson);
            times.record(System.nanoTime() - start);
        }
        return times;
    }

    /** The courses the learner studies, and their lessons. */
    private record Studied(List<CourseId> courses, List<LessonId> lessons) {
    }

    private Studied studied(StoreBenchmarkData.Generated generated) {
        List<UUID> courses = new ArrayList<>(generated.courseIds());
        Collections.shuffle(courses, random);
        Set<UUID> chosen = new HashSet<>(courses.subList(0, Math.min(STUDIED_COURSES, courses.size())));
        return new Studied(chosen.stream().map(CourseId::new).toList(),
                generated.lessons().stream().filter(lesson -> chosen.contains(lesson[0]))
                        .map(lesson -> new LessonId(lesson[1])).toList());
    }

    /** Other work on the machine skews every figure; the report says how much there was. */
    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.exists(loadavg)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadavg).split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static StoreOpening.Timing median(List<StoreOpening.Timing> timings) {
        List<StoreOpening.Timing> sorted = timings.stream().sorted(Comparator.comparingLong(StoreOpening.Timing::total)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static StoreOpening.Timing worst(List<StoreOpening.Timing> timings) {
        return timings.stream().max(Comparator.comparingLong(StoreOpening.Timing::total)).orElseThrow();
    }
}
