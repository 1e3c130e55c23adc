package edu.sevenp.desktop.bench;

import edu.sevenp.coursepackage.CoursePackageReader;
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
import edu.sevenp.desktop.ui.video.VideoViewModel;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * Memory while the player plays a video (issue 10: "memory after opening 20 lessons and playing a video", heap under
 * 400 MB): the real {@code PlayerWindow} over a profile with the sample course and 20 generated text lessons opens
 * those 20 lessons, then plays the sample course's recap video to its end with JavaFX's real media player, and reports
 * the heap (used, and after a full GC) and the process's resident memory (RSS, and its peak) at each step. The heap is
 * the Java objects; the decoders' and the video frames' memory is native, so only RSS shows it.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-video -DskipTests verify</pre>
 *
 * JavaFX runs headless (Monocle, software rendering); the sound goes to the silent ALSA device of src/test/alsa (the
 * profile sets {@code ALSA_CONFIG_PATH}). A benchmark, not a test: it prints figures and never fails on them.
 */
public final class VideoMemoryBenchmark {

    private static final LessonId RECAP = new LessonId(UUID.fromString("8b52f31a-36e4-47e2-99da-12f9056d886a"));
    private static final CourseId SAMPLE = new CourseId(UUID.fromString("2ca8badd-5428-42d9-b86c-39397415310d"));
    private static final int LESSONS = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The recap is 80 s long; more than enough to play it at normal speed. */
    private static final Duration PLAYING_AT_MOST = Duration.ofSeconds(240);
    private static final long SAMPLE_EVERY_MILLIS = 200;

    private final Path scratch;
    private final Report report;

    private VideoMemoryBenchmark(Path scratch, Report report) {
        this.scratch = scratch;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        PlayerBenchmark.Headless.configure();
        Path reportFile = Path.of(System.getProperty("bench.report", "target/video-benchmark.md"));
        Path scratch = Path.of(System.getProperty("bench.folder", "target/video-bench"));
        Report report = new Report();
        try {
            new VideoMemoryBenchmark(scratch, report).run();
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
        report.line("# Memory while a video plays");
        report.line("");
        report.line("Machine: %d cores, %d MiB max heap, %s %s, Java %s; ALSA_CONFIG_PATH=%s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1 << 20),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getenv("ALSA_CONFIG_PATH"));
        report.line("Load average (1, 5, 15 min) at the start: %s", loadAverage());
        report.line("");
        Folders.deleteRecursively(scratch);
        Path profile = scratch.resolve("profile");
        StoreBenchmarkData.Generated generated;
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            generated = new StoreBenchmarkData(store, 42, 2_000).generate(1, 5, LESSONS / 5, 100,
                    store.identity().userId().value());
            new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());
        }
        report.line("| when | heap used, MB | heap after a full GC, MB | RSS, MB | RSS peak so far, MB |");
        report.line("|---|---:|---:|---:|---:|");
        row("before JavaFX starts", true);
        Platform.startup(() -> { });
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService searching = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.openFile(profile, "default");
                SearchService search = SearchService.open(store, Runnable::run, status -> { });
                SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT, MediaDownloader.forStore(store))) {
            LearningServices learning = LearningServices.over(store, Clock.systemUTC());
            CourseId course = new CourseId(generated.courseIds().get(0));
            List<LessonId> lessons = generated.lessons().stream().filter(pair -> pair[0].equals(course.value()))
                    .map(pair -> new LessonId(pair[1])).toList();
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
            await(() -> onFx(() -> window.player().shownLessonProperty().get() != null && loaded(page)), "a first lesson");
            row("the window showing its first lesson", true);
            for (LessonId lesson : lessons) {
                openAndAwait(window, page, course, lesson);
            }
            row("after opening " + lessons.size() + " lessons", true);

            openAndAwait(window, page, SAMPLE, RECAP);
            VideoViewModel video = window.video();
            await(() -> onFx(() -> video.readyProperty().get()), "the recap video to be ready");
            row("the video lesson open, ready to play", false);
            onFx(() -> {
                video.play();
                return null;
            });
            long started = System.nanoTime();
            long peakHeap = 0;
            long deadline = started + PLAYING_AT_MOST.toNanos();
            double duration = onFx(() -> video.durationProperty().get());
            while (System.nanoTime() < deadline) {
                peakHeap = Math.max(peakHeap, heapUsed());
                boolean done = onFx(() -> !video.playingProperty().get() && video.positionProperty().get() > 1);
                if (done) {
                    break;
                }
                Thread.sleep(SAMPLE_EVERY_MILLIS);
            }
            double played = onFx(() -> video.positionProperty().get());
            long playedFor = (System.nanoTime() - started) / 1_000_000;
            row(String.format("after playing %.0f of %.0f s (in %,d ms)", played, duration, playedFor), false);
            row("the same, after a full GC", true);
            long peakRss = peakRss();
            openAndAwait(window, page, course, lessons.get(0));
            row("after leaving the video for a text lesson", true);
            report.line("");
            report.line("While the video played (sampled every %d ms, no GC forced): heap used at most **%.0f MB**; "
                    + "the process's RSS peak by its end **%.0f MB** (VmHWM). Video: \"%s\".", SAMPLE_EVERY_MILLIS,
                    peakHeap / 1e6, peakRss / 1e6, onFx(() -> video.messageProperty().get()));
            report.line("");
            report.line("Load average at the end: %s", loadAverage());
            onFx(() -> {
                window.close();
                return null;
            });
        } finally {
            background.shutdownNow();
            searching.shutdownNow();
        }
    }

    private void row(String when, boolean collect) throws IOException {
        long used = heapUsed();
        String afterGc = collect ? String.format("%.0f", heapAfterGc() / 1e6) : "";
        report.line("| %s | %.0f | %s | %.0f | %.0f |", when, used / 1e6, afterGc, status("VmRSS") / 1e6,
                peakRss() / 1e6);
    }

    private static void openAndAwait(PlayerWindow window, WebView page, CourseId course, LessonId lesson) throws Exception {
        onFx(() -> {
            window.player().openLesson(course, lesson);
            return null;
        });
        await(() -> onFx(() -> {
            var shown = window.player().shownLessonProperty().get();
            return shown != null && shown.lesson().equals(lesson) && loaded(page);
        }), "lesson " + lesson);
    }

    private static boolean loaded(WebView page) {
        return page.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + WAIT + " for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return heapUsed();
    }

    private static long peakRss() throws IOException {
        return status("VmHWM");
    }

    /** A memory figure of this process from /proc/self/status, in bytes (Linux). */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
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
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
