package edu.sevenp.desktop.search;

import static edu.sevenp.desktop.search.TestLibrary.found;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.search.TestLibrary.Course;
import edu.sevenp.desktop.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A player killed while indexing loses nothing: what the index had not committed is still queued. */
class SearchCrashIT {

    /** What the child says where it holds the rebuild (CrashingSearcher): courses indexed so far, of all. */
    private static final Pattern INDEXED = Pattern.compile("indexed (\\d+) of (\\d+)");

    @TempDir
    Path temp;

    private Path profile;
    private final List<Course> courses = new ArrayList<>();

    @BeforeEach
    void indexAProfile() {
        profile = temp.resolve("profile");
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, Runnable::run, status -> { })) {
            TestLibrary library = new TestLibrary(store, temp.resolve("packages"));
            for (int i = 0; i < 30; i++) {
                courses.add(library.add("Course " + i, "Joins " + i, "A join combines rows of tables.",
                        "Keys " + i, "Every table has a primary key."));
            }
            search.search("join", 10);
        }
    }

    @Test
    void aNoteFoundJustBeforeACrashIsFoundAfterIt() throws Exception {
        Course course = courses.get(0);
        try (ChildJvm player = ChildJvm.start(CrashingSearcher.class, "note", profile.toString(), course.uuid().toString(),
                course.lesson(0).value().toString())) {
            player.awaitLine("found", Duration.ofSeconds(60));
            player.killHard();
        }

        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, Runnable::run, status -> { })) {
            assertThat(found(search.search("aardvark", 10))).extracting(TestLibrary.Found::title).containsExactly("Joins 0");
        }
    }

    @Test
    void aRebuildKilledHalfwayIsCompletedAtTheNextStart() throws Exception {
        deleteRecursively(profile.resolve(SearchService.FOLDER));
        try (ChildJvm player = ChildJvm.start(CrashingSearcher.class, "rebuild", profile.toString())) {
            Matcher progress = player.awaitLine(INDEXED, Duration.ofSeconds(60));
            long done = Long.parseLong(progress.group(1));
            long total = Long.parseLong(progress.group(2));
            assertThat(done).as("the child stopped part-way through the rebuild").isPositive().isLessThan(total);
            player.killHard();
        }

        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, Runnable::run, status -> { })) {
            assertThat(search.search("primary", 100).hits()).hasSize(30);
            SearchResults joins = search.search("joins", 100);
            assertThat(joins.complete()).isTrue();
            assertThat(found(joins)).extracting(TestLibrary.Found::title).containsExactlyInAnyOrderElementsOf(
                    courses.stream().map(course -> course.lessonHit(0).title()).toList());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
