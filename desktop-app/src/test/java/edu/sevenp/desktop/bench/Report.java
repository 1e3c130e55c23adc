package edu.sevenp.desktop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The benchmark's Markdown report: printed as it grows, written to a file at the end. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        System.out.println(line);
        System.out.flush();
        text.append(line).append('\n');
    }

    void line(String format, Object... arguments) {
        line(String.format(Locale.ROOT, format, arguments));
    }

    /** The header of a table of {@link #latencies} rows. */
    void latencyTable() {
        line("| what | n | p50 ms | p95 ms | p99 ms | max ms | target |");
        line("|---|---:|---:|---:|---:|---:|---|");
    }

    void latencies(String what, Latencies times, String target) {
        line("| %s | %d | %.2f | **%.2f** | %.2f | %.2f | %s |", what, times.count(), times.percentileMillis(50),
                times.percentileMillis(95), times.percentileMillis(99), times.percentileMillis(100), target);
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }
}
