package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE_TITLE;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FIRST_LESSON;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibraryViewModelTest {

    private static final String SAMPLE_DESCRIPTION = "Learn how relational databases store data, how to query it with SQL, "
            + "and how to design tables that keep data correct.";

    private final SampleCourseStore sample = SampleCourseStore.open();
    private final List<CourseId> opened = new ArrayList<>();

    @AfterEach
    void close() {
        sample.close();
    }

    private LibraryViewModel viewModelOver(SampleCourseStore profile) {
        LearningServices learning = profile.learning();
        return new LibraryViewModel(learning.courses(), learning.dashboard(), UiExecutors.sameThread(),
                SampleCourseStore.CLOCK, opened::add);
    }

    @Test
    void listsTheSampleCourseNotStarted() {
        LibraryViewModel viewModel = viewModelOver(sample);

        viewModel.refresh();

        assertThat(viewModel.rows()).containsExactly(
                new LibraryRow(COURSE, COURSE_TITLE, SAMPLE_DESCRIPTION, "Not started", new BigDecimal("0.00")));
        assertThat(viewModel.emptyMessageProperty().get()).isEmpty();
        assertThat(viewModel.recentTextProperty().get()).isEqualTo("Nothing studied yet");
    }

    @Test
    void studyingShowsInTheRowAndTheSummary() {
        LibraryViewModel viewModel = viewModelOver(sample);
        sample.learning().lessons().open(FIRST_LESSON);
        sample.learning().progress().markComplete(FIRST_LESSON, 3_900);

        viewModel.refresh();

        LibraryRow row = viewModel.rows().get(0);
        assertThat(List.of(row.state(), row.progress(), LibraryTexts.inDefaultLocale().percent(row)))
                .containsExactly("In progress", new BigDecimal("9.09"), "9 %");
        assertThat(viewModel.summaryProperty().get()).isEqualTo(new LibrarySummary(1, 0, 1, 3_900,
                Optional.of(new LibrarySummary.RecentCourse(COURSE_TITLE,
                        sample.learning().enrollments().enrollment(COURSE).orElseThrow().lastAccessedAt())), 0));
        assertThat(List.of(viewModel.inProgressTextProperty().get(), viewModel.completedTextProperty().get(),
                viewModel.lessonsTextProperty().get(), viewModel.studyTimeTextProperty().get(),
                viewModel.recentTextProperty().get())).containsExactly("1 course in progress", "0 completed",
                "1 lesson completed", "1 h 05 min studied", "Last studied: " + COURSE_TITLE + " · today");
    }

    @Test
    void theFilterNarrowsTheListAndSaysWhyItIsEmpty() {
        LibraryViewModel viewModel = viewModelOver(sample);
        viewModel.refresh();

        viewModel.filterProperty().set("  SQL ");
        assertThat(viewModel.rows()).extracting(LibraryRow::title).containsExactly(COURSE_TITLE);

        viewModel.filterProperty().set("astronomy");
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.emptyMessageProperty().get()).isEqualTo("No course matches \"astronomy\".");
    }

    @Test
    void anEmptyLibraryExplainsHowToImport() {
        try (SampleCourseStore empty = SampleCourseStore.empty()) {
            LibraryViewModel viewModel = viewModelOver(empty);

            viewModel.refresh();

            assertThat(viewModel.rows()).isEmpty();
            assertThat(viewModel.emptyMessageProperty().get())
                    .isEqualTo("Your library is empty. Import a course package (Ctrl+O, or drop a .zip or folder on the"
                            + " window), or download a course from the catalog (Ctrl+Shift+L).");
        }
    }

    @Test
    void openingARowHandsItsCourseToTheHost() {
        LibraryViewModel viewModel = viewModelOver(sample);
        viewModel.refresh();

        viewModel.open(viewModel.rows().get(0));
        viewModel.open(null);

        assertThat(opened).containsExactly(COURSE);
    }

    @Test
    void aFailedRefreshSaysSoAndKeepsTheLastList() {
        LibraryViewModel viewModel = viewModelOver(sample);
        viewModel.refresh();
        sample.store().close();

        viewModel.refresh();

        // The closed store's own words (a pool's, a SQL state) stay in the log.
        assertThat(viewModel.errorProperty().get()).isEqualTo("The library could not be read. Try again; if it keeps"
                + " happening, restart the player. The details are in the log.");
        assertThat(viewModel.rows()).extracting(LibraryRow::courseId).containsExactly(COURSE);
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void studyTimeReadsInMinutesAndHours() {
        LibraryTexts texts = LibraryTexts.inDefaultLocale();
        assertThat(List.of(texts.duration(59), texts.duration(45 * 60), texts.duration(7_500)))
                .containsExactly("0 min", "45 min", "2 h 05 min");
    }
}
