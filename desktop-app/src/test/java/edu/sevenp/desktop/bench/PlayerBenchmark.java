package edu.sevenp.desktop.bench;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.Launcher;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreBenchmarkData;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * The player's benchmark (issue 10): launch to the first lesson shown, in new JVMs; then, in this JVM over a profile
 * of 50,000 lessons, a lesson opened as a click in the contents opens it (until its page has loaded), search while
 * typing (from the last key to the results on screen), and the heap after opening lessons.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-player -DskipTests verify              (the size)
 * mvn -pl desktop-app -am -Pbench-player -DskipTests verify -Dbench.size=small
 * mvn -pl desktop-app -am -Pbench-player -DskipTests verify -Dbench.only=window   (or launch: one part alone)</pre>
 *
 * JavaFX runs headless (Monocle, software rendering), in the child JVMs too: the figures are the app's own work,
 * without a window manager or a GPU. It is a benchmark, not a test: it prints figures and never fails on time.
 */
public final class PlayerBenchmark {

    private static final Pattern FIRST_LESSON = Pattern.compile(".*First lesson drawn (\\d+) ms after start.*");
    private static final Pattern PAGE_LOADED = Pattern.compile(".*First lesson page loaded (\\d+) ms after start.*");
    /** The app's log lines that time its start (StartupWindow, DesktopUi, DesktopContext). */
    private static final Pattern STEP = Pattern.compile("started|shown|opened|made in|built|laid out|drawn|loaded");
    private static final int WARM_LAUNCHES = 5;
    private static final int LESSON_OPENS = 200;
    private static final int TYPED_QUERIES = 100;
    /** Time between keys: a quick typist. */
    private static final long KEY_GAP_MILLIS = 120;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final BenchSize size;
    /** The parts to run ({@code launch}, {@code window}); both when the property is empty. */
    private final String only;
    private final Path scratch;
    private final Report report;
    private final Random random = new Random(42);

    private PlayerBenchmark(BenchSize size, String only, Path scratch, Report report) {
        this.size = size;
        this.only = only;
        this.scratch = scratch;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Headless.configure();
        BenchSize size = BenchSize.named(System.getProperty("bench.size", "issue"));
        Path reportFile = Path.of(System.getProperty("bench.report", "target/player-benchmark.md"));
        Path scratch = Path.of(System.getProperty("bench.folder", "target/player-bench"));
        Report report = new Report();
        try {
            new PlayerBenchmark(size, System.getProperty("bench.only", ""), scratch, report).run();
            report.writeTo(reportFile);
            System.out.println();
            System.out.println("Report written to " + reportFile.toAbsolutePath());
        } catch (Exception | Error e) {
            e.printStackTrace();
            // The JavaFX thread would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        report.line("# Player benchmark (%s size)", size.name());
        report.line("");
        report.line("Machine: %d cores, %d MiB max heap, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
        report.line("Load average (1, 5, 15 min) at the start: %s", loadAverage());
        report.line("");
        Folders.deleteRecursively(scratch);
        if (runs("launch")) {
            launches();
        }
        if (runs("window")) {
            inTheWindow();
        }
        report.line("Load average at the end: %s", loadAverage());
    }

    private boolean runs(String part) {
        return only.isBlank() || List.of(only.split(",")).contains(part);
    }

    /**
     * The player started as a user starts it, in a new JVM each time, until its first lesson's page has loaded; then
     * the same with the JIT compiler limited to C1 (a JVM option, to show what share of the start is compiling).
     */
    private void launches() throws Exception {
        Path data = scratch.resolve("launch-data");
        report.line("## Launch to the first lesson");
        report.line("");
        report.line("`Launcher` in a new JVM (the classpath, as `mvn -Prun` starts it; headless) with `--profile learner`, "
                + "until it logs \"First lesson page loaded\": *drawn* is the app's own count from `main` to the first "
                + "lesson on screen (\"First lesson drawn\": laid out and rendered, before WebKit has loaded), *loaded* "
                + "to its page loaded in the web view that takes over, *wall* is from starting the process (JVM start "
                + "included) to the \"drawn\" line, *CPU* the process's processor time then (all threads: the JIT "
                + "compilers and GC too). Cold: the first start of a new data folder (the profile is made, the sample "
                + "course imported). Warm: %d further starts, the files in the OS cache.", WARM_LAUNCHES);
        report.line("");
        report.line("| start | JVM options | load before | drawn, ms | loaded, ms | wall, ms | CPU, ms | target |");
        report.line("|---|---|---|---:|---:|---:|---:|---|");
        Launch cold = launch(data, List.of());
        report.line("| cold (new profile) | | %s | %d | %d | %d | %d | |", loadAverage1(), cold.drawn(), cold.loaded(),
                cold.wall(), cold.cpu());
        List<Launch> last = List.of();
        for (List<String> options : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"))) {
            String load = loadAverage1();
            List<Launch> warm = new ArrayList<>();
            for (int i = 0; i < WARM_LAUNCHES; i++) {
                warm.add(launch(data, options));
            }
            String named = String.join(" ", options);
            report.line("| warm, median of %d | %s | %s | %d | %d | **%d** | %d | < 1,500 ms |", warm.size(),
                    named.isEmpty() ? "" : "`" + named + "`", load, median(warm, Launch::drawn), median(warm, Launch::loaded),
                    median(warm, Launch::wall), median(warm, Launch::cpu));
            report.line("| warm, worst | | | %d | %d | %d | %d | |", worst(warm, Launch::drawn), worst(warm, Launch::loaded),
                    worst(warm, Launch::wall), worst(warm, Launch::cpu));
            if (options.isEmpty()) {
                last = warm;
            }
        }
        report.line("");
        report.line("The app's log of the last warm start (default options), its steps:");
        report.line("");
        report.line("```");
        last.get(last.size() - 1).steps().forEach(report::line);
        report.line("```");
        report.line("");
    }

    /** One start: the app's own times, the wall time, the processor time, and the log's start-up lines. */
    private record Launch(long drawn, long loaded, long wall, long cpu, List<String> steps) {
    }

    private static long median(List<Launch> launches, java.util.function.ToLongFunction<Launch> figure) {
        long[] sorted = launches.stream().mapToLong(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long worst(List<Launch> launches, java.util.function.ToLongFunction<Launch> figure) {
        return launches.stream().mapToLong(figure).max().orElseThrow();
    }

    private Launch launch(Path data, List<String> jvmOptions) throws Exception {
        // The app logs to its data folder, not to the console: its lines are read from there.
        Path log = data.resolve("logs").resolve("player.log");
        Files.deleteIfExists(log);
        List<String> options = new ArrayList<>(childOptions());
        options.addAll(jvmOptions);
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(options, Launcher.class, "--data-dir", data.toString(),
                "--profile", "learner")) {
            long deadline = start + WAIT.toNanos();
            long wall = -1;
            long cpu = -1;
            while (System.nanoTime() < deadline) {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                if (wall < 0 && first(lines, FIRST_LESSON).isPresent()) {
                    wall = (System.nanoTime() - start) / 1_000_000;
                    cpu = child.process().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                }
                Optional<Long> loaded = first(lines, PAGE_LOADED);
                if (wall >= 0 && loaded.isPresent()) {
                    child.process().destroy();
                    child.process().waitFor(30, TimeUnit.SECONDS);
                    List<String> steps = lines.stream().filter(line -> STEP.matcher(line).find())
                            .map(line -> line.replaceFirst("edu\\.sevenp\\.desktop\\.", ""))
                            .toList();
                    return new Launch(first(lines, FIRST_LESSON).orElseThrow(), loaded.get(), wall, cpu, steps);
                }
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("the player ended (exit " + child.process().exitValue()
                            + ") before showing a lesson; see " + log);
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("no lesson shown within " + WAIT + "; see " + log);
        }
    }

    /** Headless, and at info level: the test classpath's logger configuration (warnings only) comes first. */
    private static List<String> childOptions() {
        List<String> options = new ArrayList<>(List.of(Headless.jvmOptions()));
        options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        options.add("-Dorg.slf4j.simpleLogger.log.org.jooq=warn");
        options.add("-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn");
        return options;
    }

    /** The milliseconds of the first line {@code pattern} matches. */
    private static Optional<Long> first(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                return Optional.of(Long.parseLong(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    private static String loadAverage1() {
        String load = loadAverage();
        return load.contains(" ") ? load.substring(0, load.indexOf(' ')) : load;
    }

    private void inTheWindow() throws Exception {
        Path profile = scratch.resolve("profile");
        StoreBenchmarkData.Generated generated;
        long started = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            generated = new StoreBenchmarkData(store, 42, 20_000).generate(size.courses(), BenchSize.SECTIONS_PER_COURSE,
                    size.lessonsPerSection(), size.notes(), store.identity().userId().value());
            new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());
        }
        report.line("## In the window, over %,d lessons", generated.lessons().size());
        report.line("");
        report.line("A profile of %,d courses, %,d lessons and %,d notes (`StoreBenchmarkData`, %.0f s), its search index "
                + "built before measuring. The real `PlayerWindow` on a 1280×800 stage, its background work on one "
                + "thread as in the app.", size.courses(), generated.lessons().size(), size.notes(),
                (System.nanoTime() - started) / 1e9);
        report.line("");
        Platform.startup(() -> { });
        ExecutorService background = Executors.newSingleThreadExecutor();
        // As the app has it (DesktopUi): searching on a thread of its own.
        ExecutorService searching = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.openFile(profile, "default");
                SearchService search = SearchService.open(store, Runnable::run, status -> { });
                SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT, MediaDownloader.forStore(store))) {
            LearningServices learning = LearningServices.over(store, Clock.systemUTC());
            CourseId course = new CourseId(generated.courseIds().get(random.nextInt(generated.courseIds().size())));
            PlayerWindow window = onFx(() -> {
                PlayerWindow shown = new PlayerWindow(learning, new LibraryService(store.courses()), () -> search, sync,
                        new CourseDownloads(sync, store, MediaDownloader.forStore(store)),
                        new PackageImport(new CoursePackageReader(JsonMapperFactory.createStrict()), store.importer()),
                        new UiExecutors(background, Platform::runLater), Clock.systemUTC(), ZoneOffset.UTC, course,
                        SettingsContext.inMemory(), new UiExecutors(searching, Platform::runLater));
                Stage stage = new Stage();
                Scene scene = new Scene(shown.root(), 1280, 800);
                shown.installShortcuts(scene);
                stage.setScene(scene);
                stage.show();
                shown.start();
                return shown;
            });
            WebView page = onFx(() -> (WebView) window.root().getScene().lookup("#lessonView"));
            List<LessonId> lessons = lessonsOf(generated, course);
            awaitFirstLesson(window, page);
            report.line("| what | n | p50 ms | p95 ms | p99 ms | max ms | target |");
            report.line("|---|---:|---:|---:|---:|---:|---|");
            Latencies opens = new Latencies(LESSON_OPENS);
            for (int i = 0; i < LESSON_OPENS; i++) {
                LessonId shown = onFx(() -> window.player().shownLessonProperty().get().lesson());
                LessonId next;
                do {
                    next = lessons.get(random.nextInt(lessons.size()));
                } while (next.equals(shown));
                opens.record(openLesson(window, page, course, next));
            }
            report.latencies("a lesson of the open course, chosen in the contents, until its page has loaded", opens,
                    "< 100 ms");
            Latencies courseOpens = new Latencies(20);
            for (int i = 0; i < 20; i++) {
                CourseId other;
                do {
                    other = new CourseId(generated.courseIds().get(random.nextInt(generated.courseIds().size())));
                } while (other.equals(onFx(() -> window.player().shownLessonProperty().get().course())));
                courseOpens.record(openLesson(window, page, other, lessonsOf(generated, other).get(0)));
            }
            report.latencies("a lesson of another course (its outline read first)", courseOpens, "");
            long heapAfterLessons = heapAfterGc();
            Typing typing = typing(window, generated);
            report.latencies("search while typing: from the last key to the results shown (keys " + KEY_GAP_MILLIS
                    + " ms apart)", typing.total(), "< 50 ms");
            report.latencies("… of which from the last key until its search is started (a wait of up to "
                    + edu.sevenp.desktop.ui.search.SearchViewModel.DEBOUNCE.toMillis() + " ms)", typing.untilSearch(), "");
            report.latencies("… of which from its search started to the results shown", typing.searchToShown(), "");
            searchStages(search, learning, typing.words());
            report.line("");
            report.line("Heap after opening %d lessons (after a full GC): **%.0f MB** (target < 400 MB); after the "
                    + "searches: %.0f MB. Max heap of this JVM: %d MB.", LESSON_OPENS + 21, heapAfterLessons / 1e6,
                    heapAfterGc() / 1e6, Runtime.getRuntime().maxMemory() / (1 << 20));
            report.line("");
            onFx(() -> {
                window.close();
                return null;
            });
        } finally {
            background.shutdownNow();
            searching.shutdownNow();
        }
    }

    /** Waits until the window shows the lesson it opens on by itself (not measured: that is the launch). */
    private static void awaitFirstLesson(PlayerWindow window, WebView page) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!onFx(() -> window.player().shownLessonProperty().get() != null
                && page.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window never showed a lesson");
            }
            Thread.sleep(20);
        }
    }

    /** Asks the window for {@code lesson} as a click in the contents does, and waits until its page has loaded. */
    private static long openLesson(PlayerWindow window, WebView page, CourseId course, LessonId lesson) throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicReference<ChangeListener<Worker.State>> listener = new AtomicReference<>();
        Platform.runLater(() -> {
            listener.set((property, old, state) -> {
                var shown = window.player().shownLessonProperty().get();
                if (state == Worker.State.SUCCEEDED && shown != null && shown.lesson().equals(lesson)) {
                    loaded.countDown();
                }
            });
            page.getEngine().getLoadWorker().stateProperty().addListener(listener.get());
            start.set(System.nanoTime());
            window.player().openLesson(course, lesson);
        });
        if (!loaded.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("lesson " + lesson + " never loaded");
        }
        long took = System.nanoTime() - start.get();
        Platform.runLater(() -> page.getEngine().getLoadWorker().stateProperty().removeListener(listener.get()));
        return took;
    }

    /** The times of typing: in all, until the search started, and from then; and the words typed. */
    private record Typing(Latencies total, Latencies untilSearch, Latencies searchToShown, List<String> words) {
    }

    /**
     * Types queries into the search field a key at a time; times the last key to the results on screen, split where the
     * view model starts its search (its searching property turns true).
     */
    private Typing typing(PlayerWindow window, StoreBenchmarkData.Generated generated) throws Exception {
        Latencies times = new Latencies(TYPED_QUERIES);
        Latencies untilSearch = new Latencies(TYPED_QUERIES);
        Latencies searchToShown = new Latencies(TYPED_QUERIES);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < TYPED_QUERIES + 10; i++) {
            String word = generated.vocabulary().get(random.nextInt(Math.min(2_000, generated.vocabulary().size())));
            onFx(() -> {
                window.search().clear();
                return null;
            });
            for (int k = 1; k < word.length(); k++) {
                String prefix = word.substring(0, k);
                onFx(() -> {
                    window.search().queryProperty().set(prefix);
                    return null;
                });
                Thread.sleep(KEY_GAP_MILLIS);
            }
            CountDownLatch shown = new CountDownLatch(1);
            AtomicLong start = new AtomicLong();
            AtomicLong searchStarted = new AtomicLong();
            ListChangeListener<Object> onResults = change -> shown.countDown();
            ChangeListener<Boolean> onSearching = (property, was, now) -> {
                if (now) {
                    searchStarted.compareAndSet(0, System.nanoTime());
                }
            };
            Platform.runLater(() -> {
                window.search().results().addListener(onResults);
                window.search().searchingProperty().addListener(onSearching);
                start.set(System.nanoTime());
                window.search().queryProperty().set(word);
            });
            if (!shown.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no results for " + word);
            }
            long end = System.nanoTime();
            onFx(() -> {
                window.search().results().removeListener(onResults);
                window.search().searchingProperty().removeListener(onSearching);
                return null;
            });
            if (i >= 10) {
                times.record(end - start.get());
                // A search still running for an earlier key keeps "searching" on: then the split is not seen.
                if (searchStarted.get() != 0) {
                    untilSearch.record(searchStarted.get() - start.get());
                    searchToShown.record(end - searchStarted.get());
                }
                words.add(word);
            }
        }
        return new Typing(times, untilSearch, searchToShown, words);
    }

    /**
     * The search's own steps, outside the window, for the words typed: the index search (with its catch-up of the
     * queue) and the titles of where the hits are, as the search view model calls them, on this thread.
     */
    private void searchStages(SearchService search, LearningServices learning, List<String> words) {
        Latencies searching = new Latencies(words.size());
        Latencies titles = new Latencies(words.size());
        for (String word : words) {
            long start = System.nanoTime();
            var found = search.search(word, 50, null);
            long searched = System.nanoTime();
            learning.courses().titles(
                    found.hits().stream().map(edu.sevenp.desktop.search.SearchHit::course).collect(Collectors.toSet()),
                    found.hits().stream().filter(hit -> hit.type() == edu.sevenp.desktop.search.HitType.LESSON
                            && hit.section() != null).map(edu.sevenp.desktop.search.SearchHit::section)
                            .collect(Collectors.toSet()),
                    found.hits().stream().filter(hit -> hit.type() != edu.sevenp.desktop.search.HitType.LESSON
                            && hit.lesson() != null).map(edu.sevenp.desktop.search.SearchHit::lesson)
                            .collect(Collectors.toSet()));
            long titled = System.nanoTime();
            searching.record(searched - start);
            titles.record(titled - searched);
        }
        report.latencies("… the index search alone, the same words, on this thread (50 hits, snippets)", searching, "");
        report.latencies("… the titles of the hits' places alone (three queries)", titles, "");
    }

    /** The course's lessons, in teaching order ({@code Generated.lessons()} holds course and lesson ids). */
    private static List<LessonId> lessonsOf(StoreBenchmarkData.Generated generated, CourseId course) {
        return generated.lessons().stream().filter(pair -> pair[0].equals(course.value()))
                .map(pair -> new LessonId(pair[1])).toList();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** JavaFX without a display: Monocle's headless platform and software rendering, as the UI tests use. */
    static final class Headless {

        private static final String[][] PROPERTIES = {
            {"glass.platform", "Monocle"}, {"monocle.platform", "Headless"}, {"prism.order", "sw"},
            {"prism.text", "t2k"}, {"java.awt.headless", "true"}};

        static void configure() {
            for (String[] property : PROPERTIES) {
                System.setProperty(property[0], property[1]);
            }
        }

        static String[] jvmOptions() {
            List<String> options = new ArrayList<>();
            for (String[] property : PROPERTIES) {
                options.add("-D" + property[0] + "=" + property[1]);
            }
            return options.toArray(String[]::new);
        }

        private Headless() {
        }
    }
}
