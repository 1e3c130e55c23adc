package edu.sevenp.desktop.ui.search;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE_TITLE;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.IndexStatus;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {

    private final SampleCourseStore sample = SampleCourseStore.open();
    private final List<Runnable> indexing = new ArrayList<>();
    private final SearchService search = SearchService.open(sample.store(), indexing::add, status -> { });
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<SearchHit> opened = new ArrayList<>();
    private final AtomicInteger supplied = new AtomicInteger();
    private final SearchViewModel viewModel = new SearchViewModel(() -> {
        supplied.incrementAndGet();
        return search;
    }, sample.learning().courses(), UiExecutors.sameThread(), scheduler, opened::add);

    @AfterEach
    void close() {
        viewModel.dispose();
        search.close();
        sample.close();
    }

    private void finishIndexing() {
        while (!indexing.isEmpty()) {
            indexing.remove(0).run();
        }
    }

    private void type(String text) {
        viewModel.queryProperty().set(text);
        scheduler.elapse();
    }

    @Test
    void aKeyAfterAPauseSearchesAtOnce() {
        finishIndexing();

        viewModel.queryProperty().set("primary key");

        assertThat(viewModel.results()).as("no wait for a timer: the results follow the key").isNotEmpty();
        assertThat(supplied).hasValue(1);
    }

    @Test
    void keysInQuickSuccessionSearchOnceMoreAtTheEndOfTheBurstForTheLastText() {
        finishIndexing();
        viewModel.queryProperty().set("zzz");
        assertThat(viewModel.messageProperty().get()).startsWith("No results for");

        viewModel.queryProperty().set("prim");
        viewModel.queryProperty().set("primary key");
        assertThat(viewModel.messageProperty().get()).as("the keys of a burst wait").startsWith("No results for");
        assertThat(scheduler.pendingCount()).isEqualTo(1);
        assertThat(scheduler.delays()).allMatch(SearchViewModel.DEBOUNCE::equals);
        scheduler.elapse();

        assertThat(viewModel.results()).extracting(SearchRow::title).contains("Keys: Identifying Every Row");
        assertThat(viewModel.messageProperty().get()).isEmpty();
        scheduler.elapse();
        assertThat(scheduler.pendingCount()).as("a quiet window with no key ends the burst").isZero();
    }

    @Test
    void aSearchOvertakenByANewerKeyBeforeItRanIsDroppedWithoutSearching() {
        finishIndexing();
        List<Runnable> queued = new ArrayList<>();
        SearchViewModel typing = new SearchViewModel(() -> {
            supplied.incrementAndGet();
            return search;
        }, sample.learning().courses(), new UiExecutors(queued::add, Runnable::run), scheduler, opened::add);
        typing.queryProperty().set("prim");
        scheduler.elapse();
        typing.queryProperty().set("primary key");
        scheduler.elapse();

        queued.remove(0).run();
        assertThat(supplied).hasValue(0);
        queued.remove(0).run();

        assertThat(supplied).hasValue(1);
        assertThat(typing.results()).extracting(SearchRow::title).contains("Keys: Identifying Every Row");
        typing.dispose();
    }

    @Test
    void aLessonHitShowsItsCourseAndSectionAndTheMatchedWords() {
        finishIndexing();

        type("\"primary key\"");

        SearchRow keys = viewModel.results().stream().filter(row -> row.title().equals("Keys: Identifying Every Row"))
                .findFirst().orElseThrow();
        assertThat(List.of(keys.typeText(), keys.context())).containsExactly("Lesson", COURSE_TITLE + " › What a Database Is For");
        assertThat(keys.snippet().marked()).contains("the same «primary key» value");
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void aNoteWrittenThroughTheNoteServiceIsFound() {
        finishIndexing();
        sample.learning().notes().create(KEYS_LESSON, "Zebra crossings remind me of composite keys", null);

        type("zebra");

        assertThat(viewModel.results()).extracting(SearchRow::type, SearchRow::title, SearchRow::context)
                .containsExactly(tuple(HitType.NOTE, "Keys: Identifying Every Row", COURSE_TITLE));
        assertThat(viewModel.results().get(0).snippet().marked()).startsWith("«Zebra» crossings");
    }

    @Test
    void nothingFoundSaysSo() {
        finishIndexing();

        type("xylophone");

        assertThat(viewModel.results()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("No results for \"xylophone\".");
    }

    @Test
    void thisCourseOnlySearchesTheCurrentCourse() {
        finishIndexing();
        type("primary key");
        int everywhere = viewModel.results().size();

        viewModel.setCurrentCourse(new CourseId(UUID.randomUUID()));
        viewModel.thisCourseOnlyProperty().set(true);
        assertThat(viewModel.results()).isEmpty();

        viewModel.setCurrentCourse(COURSE);
        assertThat(viewModel.results()).hasSize(everywhere);
    }

    @Test
    void clearingEmptiesTheResults() {
        finishIndexing();
        type("primary key");

        viewModel.clear();

        assertThat(viewModel.results()).isEmpty();
        assertThat(List.of(viewModel.queryProperty().get(), viewModel.messageProperty().get())).containsExactly("", "");
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void openingARowHandsItsHitToTheHost() {
        finishIndexing();
        type("primary key");

        viewModel.open(viewModel.results().get(0));
        viewModel.open(null);

        assertThat(opened).containsExactly(viewModel.results().get(0).hit());
    }

    @Test
    void theIndexBuildIsShownUntilItIsReady() {
        viewModel.start();

        assertThat(viewModel.indexStatusProperty().get().state()).isEqualTo(IndexStatus.State.REBUILDING);
        assertThat(viewModel.indexingProperty().get()).isTrue();
        assertThat(viewModel.indexStatusTextProperty().get()).startsWith("Building the search index… ");

        finishIndexing();

        assertThat(viewModel.indexStatusProperty().get().state()).isEqualTo(IndexStatus.State.READY);
        assertThat(List.of(viewModel.indexingProperty().get(), viewModel.indexStatusTextProperty().get()))
                .containsExactly(false, "");
    }

    @Test
    void aSearchServiceThatCannotOpenIsReportedInPlainWords() {
        SearchViewModel broken = new SearchViewModel(() -> {
            throw new IllegalStateException("the index folder is locked");
        }, sample.learning().courses(), UiExecutors.sameThread(), scheduler, opened::add);

        broken.queryProperty().set("keys");
        scheduler.elapse();

        // The index's own words (a lock file, Lucene's exception) are in the log, not on screen.
        assertThat(broken.messageProperty().get()).isEqualTo("Search is not available: Something went wrong. Try again;"
                + " if it keeps happening, restart the player. The details are in the log.");
    }
}
