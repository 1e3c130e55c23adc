package edu.sevenp.desktop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.desktop.PreviewContext;
import edu.sevenp.desktop.preview.PackageWatcher;
import edu.sevenp.desktop.preview.PreviewLoad;
import edu.sevenp.desktop.preview.SampleCourseFolder;
import edu.sevenp.desktop.ui.preview.PreviewWindow;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.w3c.dom.Document;

/**
 * The preview's benchmark (issue 11): from saving a lesson's Markdown file to the reloaded lesson on screen, in the real
 * preview window (the folder watched, the {@value #QUIET_MS} ms debounce, the package read and written into the
 * preview's H2 store, the lesson page loaded again); and the package's read and store alone.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-preview -DskipTests verify</pre>
 *
 * Headless JavaFX (Monocle, software rendering), as PlayerBenchmark. A benchmark, not a test: it prints figures.
 */
public final class PreviewBenchmark {

    private static final long QUIET_MS = PackageWatcher.QUIET.toMillis();
    private static final int SAVES = 30;
    private static final int LOADS = 30;
    /** Lessons added to the sample for the larger package. */
    private static final int EXTRA_LESSONS = 489;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path scratch;
    private final Report report;

    private PreviewBenchmark(Path scratch, Report report) {
        this.scratch = scratch;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        PlayerBenchmark.Headless.configure();
        Path reportFile = Path.of(System.getProperty("bench.report", "target/preview-benchmark.md"));
        Path scratch = Path.of(System.getProperty("bench.folder", "target/preview-bench"));
        Report report = new Report();
        try {
            new PreviewBenchmark(scratch, report).run();
            report.writeTo(reportFile);
            System.out.println();
            System.out.println("Report written to " + reportFile.toAbsolutePath());
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        report.line("# Preview benchmark");
        report.line("");
        report.line("Machine: %d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        report.line("Load average (1, 5, 15 min) at the start: %s", loadAverage());
        report.line("");
        Folders.deleteRecursively(scratch);
        Platform.startup(() -> { });
        // Each course's preview window closes before the next opens: JavaFX must not end with it.
        Platform.setImplicitExit(false);
        report.latencyTable();
        SampleCourseFolder sample = SampleCourseFolder.copyTo(scratch.resolve("sample"));
        measure("the sample course (11 lessons)", sample);
        SampleCourseFolder large = SampleCourseFolder.copyTo(scratch.resolve("large"));
        addLessons(large.folder(), EXTRA_LESSONS);
        measure("the sample with " + EXTRA_LESSONS + " more lessons (500)", large);
        report.line("");
        report.line("Load average at the end: %s", loadAverage());
    }

    private void measure(String course, SampleCourseFolder folder) throws Exception {
        try (PreviewContext source = PreviewContext.open(folder.folder())) {
            Latencies loads = new Latencies(LOADS);
            for (int i = 0; i < LOADS + 3; i++) {
                PreviewLoad load = source.load();
                if (load.course() == null) {
                    throw new IllegalStateException("the package did not load: " + load);
                }
                if (i >= 3) {
                    loads.record(load.took().toNanos());
                }
            }
            report.latencies("read and store " + course + " again (no window, no debounce)", loads, "");
            CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());
            Latencies reads = new Latencies(LOADS);
            for (int i = 0; i < LOADS + 3; i++) {
                long start = System.nanoTime();
                reader.read(folder.folder(), PackagePurpose.IMPORT).close();
                if (i >= 3) {
                    reads.record(System.nanoTime() - start);
                }
            }
            report.latencies("of which: read and check " + course + " (CoursePackageReader alone)", reads, "");
            PreviewWindow preview = onFx(() -> {
                PreviewWindow window = new PreviewWindow(new Stage(), source, SettingsContext.inMemory());
                window.show();
                return window;
            });
            WebView page = onFx(() -> (WebView) preview.stage().getScene().lookup("#lessonView"));
            awaitText(page, SampleCourseFolder.FIRST_LESSON_TEXT);
            folder.edit(SampleCourseFolder.FIRST_LESSON_FILE, SampleCourseFolder.FIRST_LESSON_TEXT, "Reload marker 0.");
            awaitText(page, "Reload marker 0.");
            Latencies saves = new Latencies(SAVES);
            for (int i = 1; i <= SAVES + 2; i++) {
                long took = saveAndAwait(page, folder, "Reload marker " + (i - 1) + ".", "Reload marker " + i + ".");
                if (i > 2) {
                    saves.record(took);
                }
            }
            report.latencies("save a lesson file → the reloaded lesson on screen, " + course + " (" + QUIET_MS
                    + " ms debounce included)", saves, "< 1,000 ms");
            onFx(() -> {
                preview.stage().close();
                return null;
            });
            preview.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Saves the lesson's file with {@code now} in place of {@code old}; times it until the page shows {@code now}. */
    private static long saveAndAwait(WebView page, SampleCourseFolder folder, String old, String now) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        ChangeListener<Worker.State> listener = (property, was, state) -> {
            if (state == Worker.State.SUCCEEDED && text(page).contains(now)) {
                shown.countDown();
            }
        };
        onFx(() -> {
            page.getEngine().getLoadWorker().stateProperty().addListener(listener);
            return null;
        });
        long start = System.nanoTime();
        folder.edit(SampleCourseFolder.FIRST_LESSON_FILE, old, now);
        if (!shown.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the lesson never showed \"" + now + "\"");
        }
        long took = System.nanoTime() - start;
        onFx(() -> {
            page.getEngine().getLoadWorker().stateProperty().removeListener(listener);
            return null;
        });
        return took;
    }

    private static void awaitText(WebView page, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!onFx(() -> text(page).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the preview never showed \"" + text + "\"");
            }
            Thread.sleep(20);
        }
    }

    private static String text(WebView page) {
        Document document = page.getEngine().getDocument();
        return document == null || document.getDocumentElement() == null ? "" : document.getDocumentElement().getTextContent();
    }

    /** Adds {@code count} text lessons to the package's last section, each with the second lesson's body. */
    private static void addLessons(Path folder, int count) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path manifestFile = folder.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) mapper.readTree(Files.readString(manifestFile, StandardCharsets.UTF_8));
        ArrayNode sections = (ArrayNode) manifest.get("sections");
        ArrayNode lessons = (ArrayNode) sections.get(sections.size() - 1).get("lessons");
        int order = lessons.size();
        for (int i = 1; i <= count; i++) {
            ObjectNode lesson = lessons.addObject();
            lesson.put("id", UUID.nameUUIDFromBytes(("bench-lesson-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            lesson.put("order", order + i);
            lesson.put("slug", "bench-lesson-" + i);
            lesson.put("title", "Bench lesson " + i);
            lesson.put("contentType", "text");
            lesson.put("body", "lessons/02-tables-rows-columns.md");
            lesson.put("readingTimeMinutes", 4);
            lesson.put("preview", false);
        }
        Files.writeString(manifestFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
                StandardCharsets.UTF_8);
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
}
