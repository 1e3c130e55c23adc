package edu.sevenp.desktop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.readiness.ReadinessCheck;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.Launcher;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Validating a 500-lesson course package (issue 11: under 2 s), as {@code --validate} does: the shared rules (every
 * body read, every file hashed) and the readiness warnings (links, anchors, words, media use). Measured twice: as an
 * author runs it, {@code sevenp --validate <folder> --json} in a new JVM (start-up included), and in this JVM after
 * warm-up. The package has 10 sections of 50 lessons, each body about 200 words of Markdown with a heading and links
 * to the next lesson and to one of its anchors, a practice quiz of 5 questions per section, and a video with captions
 * per section.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-validate -DskipTests verify</pre>
 *
 * It is a benchmark, not a test: it prints figures and never fails on time.
 */
public final class ValidationBenchmark {

    private static final int SECTIONS = 10;
    private static final int LESSONS_PER_SECTION = 50;
    private static final int CHILD_RUNS = 5;
    private static final int WARM_RUNS = 20;

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.folder", "target/validation-bench"));
        Path reportFile = Path.of(System.getProperty("bench.report", "target/validation-benchmark.md"));
        Report report = new Report();
        report.line("## Course validation (issue 11)");
        report.line("");
        report.line("Machine: %d cores, %d MiB max heap, %s %s, Java %s; load average before: %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1 << 20),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                loadAverage());
        Path course = packageOf().writeTo(folder.resolve("course-500"));
        report.line("Package: %d lessons in %d sections, %d files, %d kB", SECTIONS * LESSONS_PER_SECTION, SECTIONS,
                fileCount(course), folderBytes(course) / 1_000);
        report.line("");

        List<Double> child = new ArrayList<>();
        for (int run = 0; run < CHILD_RUNS; run++) {
            child.add(childRun(course));
        }
        ReadinessCheck check = new ReadinessCheck(JsonMapperFactory.createStrict());
        long first = System.nanoTime();
        ReadinessReport firstReport = check.check(course, PackagePurpose.IMPORT);
        double firstMillis = (System.nanoTime() - first) / 1e6;
        if (!firstReport.items().isEmpty()) {
            throw new IllegalStateException("the generated package is not clean: " + firstReport.items());
        }
        List<Double> warm = new ArrayList<>();
        for (int run = 0; run < WARM_RUNS; run++) {
            long start = System.nanoTime();
            check.check(course, PackagePurpose.IMPORT);
            warm.add((System.nanoTime() - start) / 1e6);
        }
        report.line("| what | runs | median ms | max ms | target |");
        report.line("|---|---:|---:|---:|---|");
        report.line("| `sevenp --validate <folder> --json`, new JVM each run (wall clock) | %d | **%.0f** | %.0f |"
                + " < 2,000 ms |", CHILD_RUNS, median(child), Collections.max(child));
        report.line("| first validation in this JVM (classes loading) | 1 | %.0f | %.0f | |", firstMillis, firstMillis);
        report.line("| validation in a warm JVM | %d | %.0f | %.0f | |", WARM_RUNS, median(warm), Collections.max(warm));
        report.line("");
        report.line("Load average after: %s", loadAverage());
        report.writeTo(reportFile);
    }

    private static double childRun(Path course) throws Exception {
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(Launcher.class, "--validate", course.toString(),
                "--json")) {
            Optional<String> line;
            String output = "";
            while ((line = child.nextLine(Duration.ofMinutes(2))).isPresent()) {
                output = line.get();
            }
            if (!child.process().waitFor(2, TimeUnit.MINUTES) || child.process().exitValue() != 0) {
                throw new IllegalStateException("--validate failed: " + output);
            }
            if (!output.contains("\"ready\":true")) {
                throw new IllegalStateException("--validate did not find the package ready: " + output);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** 500 lessons of about 200 words, linked in a chain; quizzes and captioned videos, so every warning rule has work. */
    private static PackageFixture packageOf() {
        PackageFixture fixture = PackageFixture.course("Validated course", SECTIONS, LESSONS_PER_SECTION);
        for (int s = 0; s < SECTIONS; s++) {
            for (int l = 0; l < LESSONS_PER_SECTION; l++) {
                ObjectNode lesson = fixture.lesson(s, l);
                boolean last = l == LESSONS_PER_SECTION - 1;
                String next = last ? "lesson-" + (s + 1) + "-1.md" : "lesson-" + (s + 1) + "-" + (l + 2) + ".md";
                fixture.file(lesson.get("body").asText(), body(s, l, next));
            }
            ObjectNode video = fixture.addMedia("media/video-" + (s + 1) + ".mp4",
                    ("video of section " + (s + 1)).getBytes(StandardCharsets.UTF_8), "video/mp4");
            video.put("durationSeconds", 120);
            fixture.video(fixture.lesson(s, 0), video);
            fixture.addCaptions(fixture.lesson(s, 0), "media/video-" + (s + 1) + ".en.vtt",
                    "WEBVTT\n\n00:00.000 --> 00:02.000\nSection " + (s + 1) + "\n", "en", "English");
            ObjectNode quiz = fixture.addQuiz(fixture.lesson(s, LESSONS_PER_SECTION - 1), "Review " + (s + 1), "practice");
            for (int q = 1; q <= 5; q++) {
                fixture.addChoiceQuestion(quiz, "Question " + q + "?", "Yes", "No", "Maybe");
            }
        }
        return fixture;
    }

    private static String body(int section, int lesson, String next) {
        StringBuilder body = new StringBuilder("# Lesson " + (section + 1) + "." + (lesson + 1) + "\n\n");
        for (int paragraph = 0; paragraph < 4; paragraph++) {
            body.append("## Part ").append(paragraph + 1).append("\n\n");
            body.append("Relational databases keep facts in tables of rows and columns, and a query asks for the rows"
                    + " that match. Keys tie the tables together, constraints keep the facts consistent, and"
                    + " transactions make several changes one. See [the next lesson](").append(next).append(") or [part"
                    + " one](#part-1).\n\n");
        }
        return body.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long fileCount(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** Other work on the machine skews every figure; the report says how much there was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
