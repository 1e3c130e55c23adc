package edu.sevenp.desktop.search;

import static edu.sevenp.desktop.search.TestLibrary.found;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.search.IndexStatus.State;
import edu.sevenp.desktop.search.TestLibrary.Course;
import edu.sevenp.desktop.search.TestLibrary.Found;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchableWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: kept across starts, rebuilt in the background when missing, damaged or outdated. */
class SearchIndexLifecycleTest {

    @TempDir
    Path temp;

    private Path profile;
    private Path indexFolder;
    private Course course;
    private UUID note;
    private final List<Runnable> submitted = new ArrayList<>();
    private final ExecutorService realThread = Executors.newSingleThreadExecutor();

    /** A profile on disk with a course and a note, indexed, then closed. */
    @BeforeEach
    void indexAProfile() {
        profile = temp.resolve("profile");
        indexFolder = profile.resolve(SearchService.FOLDER);
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, Runnable::run, status -> { })) {
            course = new TestLibrary(store, temp.resolve("packages")).add("Relational databases",
                    "Joins", "A join combines rows from two tables.",
                    "Windowing functions", "Rank rows within a partition.");
            note = new SearchableWrites(store).writeNote(course.uuid(), course.lesson(0).value(), "aardvark");
            assertThat(found(search.search("aardvark", 10))).hasSize(1);
        }
    }

    @AfterEach
    void stopThread() {
        realThread.shutdownNow();
    }

    @Test
    void theIndexIsKeptWhenTheProfileIsOpenedAgain() {
        List<IndexStatus> statuses = new CopyOnWriteArrayList<>();
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, submitted::add, statuses::add)) {

            assertThat(found(search.search("partition", 10))).containsExactly(course.lessonHit(1));
            assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, note, "Joins"));
            assertThat(submitted).isEmpty();
            assertThat(statuses).containsExactly(IndexStatus.ready());
        }
    }

    @Test
    void aDeletedIndexFolderIsRebuiltInTheBackgroundWithProgress() throws Exception {
        deleteRecursively(indexFolder);
        List<IndexStatus> statuses = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);

        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, realThread, status -> {
                 statuses.add(status);
                 if (status.state() == State.READY) {
                     ready.countDown();
                 }
             })) {
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(statuses).containsExactly(new IndexStatus(State.REBUILDING, 0, 0),
                    new IndexStatus(State.REBUILDING, 0, 1), new IndexStatus(State.REBUILDING, 1, 1),
                    new IndexStatus(State.READY, 1, 1));
            assertThat(found(search.search("partition", 10))).containsExactly(course.lessonHit(1));
            assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, note, "Joins"));
        }
        try (Stream<Path> files = Files.list(indexFolder)) {
            assertThat(files.map(file -> file.getFileName().toString())).anyMatch(name -> name.startsWith("segments_"));
        }
    }

    @Test
    void openingLeavesTheRebuildToTheBackgroundAndSearchesMeanwhileSayTheyAreIncomplete() throws IOException {
        deleteRecursively(indexFolder);
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, submitted::add, status -> { })) {

            assertThat(search.indexStatus()).isEqualTo(new IndexStatus(State.REBUILDING, 0, 0));
            assertThat(search.search("partition", 10)).isEqualTo(new SearchResults(List.of(), false));

            submitted.forEach(Runnable::run);

            SearchResults afterwards = search.search("partition", 10);
            assertThat(found(afterwards)).containsExactly(course.lessonHit(1));
            assertThat(afterwards.complete()).isTrue();
            assertThat(search.indexStatus()).isEqualTo(new IndexStatus(State.READY, 1, 1));
        }
    }

    @Test
    void aDamagedIndexIsRebuilt() throws IOException {
        try (Stream<Path> files = Files.list(indexFolder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        assertRebuiltAndFound();
    }

    @Test
    void anIndexOfAnotherFormatIsRebuilt() throws IOException {
        try (FSDirectory directory = FSDirectory.open(indexFolder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.setLiveCommitData(Map.of(IndexFields.FORMAT_KEY, "0").entrySet());
            writer.commit();
        }

        assertRebuiltAndFound();
    }

    @Test
    void anIndexFoundDamagedWhileSearchingIsRebuiltAtTheNextStart() throws IOException {
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(indexFolder), IndexFields.analyzer())) {
            index.requestRebuildAtNextStart();
            index.writer().deleteAll();
            index.commit();
        }

        assertRebuiltAndFound();
        try (Stream<Path> files = Files.list(indexFolder)) {
            assertThat(files.map(file -> file.getFileName().toString())).doesNotContain(SearchIndex.REBUILD_MARKER);
        }
    }

    @Test
    void aRebuildThatNeverQueuedTheLibraryStartsAgainAtTheNextStart() {
        deleteRecursively(indexFolder);
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, submitted::add, status -> { })) {
            assertThat(search.indexStatus().state()).isEqualTo(State.REBUILDING);
            // closed before the background ran: nothing was queued, the empty index carries no version
        }
        submitted.clear();

        assertRebuiltAndFound();
    }

    private void assertRebuiltAndFound() {
        List<IndexStatus> statuses = new CopyOnWriteArrayList<>();
        try (LocalStore store = LocalStore.openFile(profile, "default");
             SearchService search = SearchService.open(store, Runnable::run, statuses::add)) {

            assertThat(statuses).first().isEqualTo(new IndexStatus(State.REBUILDING, 0, 0));
            assertThat(statuses).last().isEqualTo(new IndexStatus(State.READY, 1, 1));
            assertThat(found(search.search("partition", 10))).containsExactly(course.lessonHit(1));
            assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, note, "Joins"));
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
