package edu.sevenp.desktop.search;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchBenchmarkData;
import edu.sevenp.desktop.store.SearchableWrites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: a rough figure for the search engineer, printed. The official benchmark is elsewhere.
 * Arguments: a scratch folder, then optionally courses, lessons per section (5 sections a course) and notes.
 * Run with the test classpath: {@code java -cp ... edu.sevenp.desktop.search.SearchBenchmark /tmp/bench}.
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int courses = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int lessonsPerSection = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int notes = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Path profile = folder.resolve("profile");
        boolean generate = !Files.exists(profile.resolve("store.mv.db"));
        SearchBenchmarkData data;
        UUID[] noteLesson;
        long start = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            data = new SearchBenchmarkData(store, 42, 20_000);
            if (generate) {
                SearchBenchmarkData.Generated generated =
                        data.generate(courses, 5, lessonsPerSection, notes, store.identity().userId().value());
                System.out.printf("generated %d courses, %d lessons, %d notes in %.1f s%n", courses,
                        generated.lessons().size(), notes, seconds(start));
            }
            noteLesson = data.anyLesson();
        }
        deleteRecursively(profile.resolve(SearchService.FOLDER));

        long storeOpen = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            System.out.printf("store open: %.0f ms%n", millis(storeOpen));
            CountDownLatch ready = new CountDownLatch(1);
            long rebuild = System.nanoTime();
            try (SearchService search = SearchService.open(store)) {
                System.out.printf("search open (empty index, rebuild started): %.0f ms%n", millis(rebuild));
                search.addListener(status -> {
                    if (status.state() == IndexStatus.State.READY) {
                        ready.countDown();
                    }
                });
                if (!ready.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("rebuild did not finish");
                }
                System.out.printf("full rebuild: %.1f s (%s)%n", seconds(rebuild), search.indexStatus());
            }
        }
        System.out.printf("index size: %.0f MB%n", size(profile.resolve(SearchService.FOLDER)) / 1e6);

        long reopen = System.nanoTime();
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            double storeMs = millis(reopen);
            long searchOpen = System.nanoTime();
            try (SearchService search = SearchService.open(store)) {
                System.out.printf("start-up: store open %.0f ms, search open %.0f ms%n", storeMs, millis(searchOpen));
                List<String> queries = queries(data, 3000);
                for (String query : queries.subList(0, 1000)) {
                    search.search(query, 20);
                }
                long[] times = new long[2000];
                long[][] byKind = new long[4][];
                int[] counts = new int[4];
                for (int k = 0; k < 4; k++) {
                    byKind[k] = new long[2000];
                }
                long hits = 0;
                for (int i = 0; i < times.length; i++) {
                    long t = System.nanoTime();
                    hits += search.search(queries.get(1000 + i), 20).hits().size();
                    times[i] = System.nanoTime() - t;
                    int kind = kind(1000 + i);
                    byKind[kind][counts[kind]++] = times[i];
                }
                report("search, limit 20, mixed (" + hits / (double) times.length + " hits avg)", times);
                String[] names = {"one word", "two words", "three words", "two-word phrase"};
                for (int k = 0; k < 4; k++) {
                    report("  " + names[k], Arrays.copyOf(byKind[k], counts[k]));
                }

                SearchableWrites writes = new SearchableWrites(store);
                UUID[] lesson = noteLesson;
                long[] noteTimes = new long[100];
                for (int i = 0; i < noteTimes.length; i++) {
                    String unique = "n" + UUID.randomUUID().toString().replace("-", "");
                    writes.writeNote(lesson[0], lesson[1], unique + " " + data.zipfWord());
                    long t = System.nanoTime();
                    int found = search.search(unique, 5).hits().size();
                    noteTimes[i] = System.nanoTime() - t;
                    if (found != 1) {
                        throw new IllegalStateException("fresh note not found");
                    }
                }
                report("search right after a note is written (index, NRT refresh, a commit every 2 s; then search)", noteTimes);
            }
        }
    }

    private static List<String> queries(SearchBenchmarkData data, int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (kind(i)) {
                case 0 -> queries.add(data.zipfWord());
                case 1 -> queries.add(data.zipfWord() + " " + data.zipfWord());
                case 2 -> queries.add(data.zipfWord() + " " + data.zipfWord() + " " + data.zipfWord());
                default -> queries.add("\"" + data.zipfWord() + " " + data.zipfWord() + "\"");
            }
        }
        return queries;
    }

    /** 40 % one word, 30 % two, 20 % three, 10 % a two-word phrase. */
    private static int kind(int i) {
        int tenth = i % 10;
        return tenth < 4 ? 0 : tenth < 7 ? 1 : tenth < 9 ? 2 : 3;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static long size(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
