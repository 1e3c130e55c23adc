package edu.sevenp.desktop.bench;

import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreBenchmarkData;
import edu.sevenp.model.LessonId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The search part of the benchmark: a full index build, then searches of the mix people type (40 % one
 * word, 30 % two, 20 % three, 10 % a two-word phrase; words drawn like the text's, by Zipf's law), then
 * searches for a note written just before.
 */
final class SearchWorkload {

    private static final String[] KINDS = {"one word", "two words", "three words", "a two-word phrase"};
    private static final int LIMIT = 20;

    private final LocalStore store;
    private final StoreBenchmarkData data;
    private final Report report;

    SearchWorkload(LocalStore store, StoreBenchmarkData data, Report report) {
        this.store = store;
        this.data = data;
        this.report = report;
    }

    /** Builds the index from nothing, then measures {@code samples} searches after as many warm-up ones. */
    void run(int samples, NoteService notes, LessonId noteLesson) throws IOException {
        Path folder = store.directory().orElseThrow().resolve(SearchService.FOLDER);
        Folders.deleteRecursively(folder);
        long start = System.nanoTime();
        try (SearchService building = SearchService.open(store, Runnable::run, status -> { })) {
            if (building.indexStatus().incomplete()) {
                throw new IllegalStateException("the rebuild did not finish: " + building.indexStatus());
            }
        }
        report.line("Index build from nothing (what a first start or a damaged index does, in the background): "
                + "**%.1f s**, %.0f MB.", (System.nanoTime() - start) / 1e9, size(folder) / 1e6);
        report.line("");

        long opening = System.nanoTime();
        try (SearchService search = SearchService.open(store)) {
            report.line("Opening the built index: %.0f ms.", (System.nanoTime() - opening) / 1e6);
            report.line("");
            List<String> queries = queries(samples * 2);
            long hits = 0;
            for (String query : queries.subList(0, samples)) {
                hits += search.search(query, LIMIT).hits().size();
            }
            Latencies all = new Latencies(samples);
            List<Latencies> byKind = List.of(new Latencies(samples), new Latencies(samples), new Latencies(samples),
                    new Latencies(samples));
            for (int i = samples; i < queries.size(); i++) {
                long t = System.nanoTime();
                hits += search.search(queries.get(i), LIMIT).hits().size();
                long took = System.nanoTime() - t;
                all.record(took);
                byKind.get(kind(i)).record(took);
            }
            report.latencyTable();
            report.latencies(String.format("search, limit %d, the mix (%.1f hits on average)", LIMIT,
                    hits / (double) queries.size()), all, "p95 < 30 ms");
            for (int k = 0; k < KINDS.length; k++) {
                report.latencies("&nbsp;&nbsp;" + KINDS[k], byKind.get(k), "");
            }
            report.latencies("search for a note written just before (takes it in, then searches)",
                    afterNote(search, notes, noteLesson, samples / 10), "");
            report.line("");
        }
    }

    private Latencies afterNote(SearchService search, NoteService notes, LessonId lesson, int count) {
        Latencies times = new Latencies(count);
        for (int i = 0; i < count; i++) {
            String unique = "n" + UUID.randomUUID().toString().replace("-", "");
            notes.create(lesson, unique + " " + data.zipfWord(), null);
            long t = System.nanoTime();
            int found = search.search(unique, 5).hits().size();
            times.record(System.nanoTime() - t);
            if (found != 1) {
                throw new IllegalStateException("a note written just before was not found");
            }
        }
        return times;
    }

    private List<String> queries(int count) {
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(switch (kind(i)) {
                case 0 -> data.zipfWord();
                case 1 -> data.zipfWord() + " " + data.zipfWord();
                case 2 -> data.zipfWord() + " " + data.zipfWord() + " " + data.zipfWord();
                default -> "\"" + data.zipfWord() + " " + data.zipfWord() + "\"";
            });
        }
        return queries;
    }

    /** 40 % one word, 30 % two, 20 % three, 10 % a two-word phrase. */
    private static int kind(int i) {
        int tenth = i % 10;
        return tenth < 4 ? 0 : tenth < 7 ? 1 : tenth < 9 ? 2 : 3;
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
