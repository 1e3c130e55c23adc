package edu.sevenp.desktop.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.DashboardService;
import edu.sevenp.desktop.learning.EnrollmentService;
import edu.sevenp.desktop.learning.ProgressService;
import edu.sevenp.desktop.learning.RecommendationFeed;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreException;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.Recommendation;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("dashboard-vm-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse joins = fixture.course("Joins", 1, 2);
    private final FixtureCourse keys = fixture.course("Keys", 1, 1);
    private final List<CourseId> opened = new ArrayList<>();
    private final DashboardService service = new DashboardService(store.dashboards(), fixture.learner());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void showsTotalsCoursesInProgressMilestonesAndOfflineSuggestions() {
        new EnrollmentService(store.enrollments(), fixture.learner(), clock).enroll(joins.id());
        new ProgressService(store.progress(), fixture.learner(), clock).markComplete(joins.lesson(0), 25 * 60);
        DashboardViewModel model = model(RecommendationFeed.NONE);

        model.refresh();

        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.activeTextProperty().get()).isEqualTo("1 course in progress");
        assertThat(model.completedTextProperty().get()).isEqualTo("No course completed yet");
        assertThat(model.lessonsTextProperty().get()).isEqualTo("1 lesson completed");
        assertThat(model.studiedTextProperty().get()).isEqualTo("25 min studied");
        assertThat(model.active()).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("Joins");
            assertThat(row.progress()).isEqualTo(0.5);
            assertThat(row.detail()).isEqualTo("50 % done · last studied Mar 3, 2025");
        });
        assertThat(model.achievements().get(0)).isEqualTo(new AchievementTile("First step", "Complete a lesson",
                "Earned", true));
        assertThat(model.achievements()).contains(new AchievementTile("One hour in", "Study for an hour in total",
                "25 min of 1 h", false));
        assertThat(model.recommendations()).extracting(RecommendationRow::title).containsExactly("Keys");
        assertThat(model.recommendationsSourceProperty().get()).startsWith("Offline suggestions");

        model.open(model.active().get(0));
        model.open(model.recommendations().get(0));
        assertThat(opened).containsExactly(joins.id(), keys.id());
    }

    @Test
    void aNewLearnerIsToldWhereToStartAndACourseNotHereDoesNotOpen() {
        UUID elsewhere = UUID.randomUUID();
        RecommendationFeed server = limit -> Optional.of(List.of(new Recommendation(
                new CatalogItem(elsewhere, "window-functions", "Window Functions", null,
                        "intermediate", "en", true, BigDecimal.ZERO, "USD", null,
                        new CatalogItem.InstructorRef(UUID.randomUUID(), "Ines"), null, 0,
                        BigDecimal.ZERO, 0, null, 3, 0),
                BigDecimal.ONE)));
        DashboardViewModel model = model(server);

        model.refresh();

        assertThat(model.active()).isEmpty();
        assertThat(model.activeEmptyTextProperty().get()).isEqualTo(
                "No course in progress yet: open one from the library (Ctrl+L).");
        assertThat(model.recommendations()).singleElement().satisfies(row -> {
            assertThat(row.detail()).isEqualTo("Intermediate · not on this computer yet");
            assertThat(row.openable()).isFalse();
        });
        assertThat(model.recommendationsSourceProperty().get()).startsWith("Suggested by your server");
        model.open(model.recommendations().get(0));
        assertThat(opened).isEmpty();
    }

    @Test
    void aFailureIsSaidInPlainWordsWithWhatToDo() {
        DashboardViewModel model = model(limit -> {
            throw new StoreException("The library is damaged.");
        });

        model.refresh();

        assertThat(model.statusProperty().get()).isEqualTo("The dashboard could not be read: The library is damaged."
                + " Nothing is lost; try again with Ctrl+Shift+D. Details are in the log in the data folder.");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    private DashboardViewModel model(RecommendationFeed feed) {
        return new DashboardViewModel(service, feed, UiExecutors.sameThread(), clock, new DashboardTexts(Locale.US),
                opened::add);
    }
}
