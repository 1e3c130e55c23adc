package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.Recommendation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("dashboard-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse joins = fixture.course("Joins", 1, 2);
    private final FixtureCourse keys = fixture.course("Keys", 1, 1);
    private final DashboardService dashboard = new DashboardService(store.dashboards(), fixture.learner());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void withoutAServerTheCoursesHereNotTakenAreRecommendedAndSaidToBeRankedHere() {
        new EnrollmentService(store.enrollments(), fixture.learner(), new TestClock(NOW)).enroll(joins.id());

        HomeOverview overview = dashboard.overview(RecommendationFeed.NONE, NOW);

        assertThat(overview.recommendationsFromServer()).isFalse();
        assertThat(overview.recommendations()).extracting(RecommendedCourse::id, RecommendedCourse::onThisComputer)
                .containsExactly(tuple(keys.id(), true));
        assertThat(overview.totals().activeCourses()).isEqualTo(1);
        assertThat(overview.milestones()).hasSize(8);
    }

    @Test
    void theServersRecommendationsWinAndSayWhichCoursesAreHere() {
        UUID elsewhere = UUID.randomUUID();
        AtomicInteger asked = new AtomicInteger();
        RecommendationFeed server = limit -> {
            asked.set(limit);
            return Optional.of(List.of(recommendation(elsewhere, "Window Functions", "advanced", "0.9"),
                    recommendation(keys.id().value(), "Keys", "expert", "0.5")));
        };

        HomeOverview overview = dashboard.overview(server, NOW);

        assertThat(asked.get()).isEqualTo(DashboardService.RECOMMENDATIONS);
        assertThat(overview.recommendationsFromServer()).isTrue();
        assertThat(overview.recommendations())
                .extracting(RecommendedCourse::id, RecommendedCourse::title, RecommendedCourse::difficulty,
                        RecommendedCourse::onThisComputer)
                .containsExactly(tuple(new CourseId(elsewhere), "Window Functions", Difficulty.ADVANCED, false),
                        // A difficulty this app does not know is shown as none rather than failing the screen.
                        tuple(keys.id(), "Keys", null, true));
    }

    private static Recommendation recommendation(UUID id, String title, String difficulty, String relevance) {
        return new Recommendation(new CatalogItem(id, "slug-" + id, title, "About " + title, difficulty, "en", true,
                BigDecimal.ZERO, "USD", null, new CatalogItem.InstructorRef(UUID.randomUUID(), "Ines"),
                new BigDecimal("2.0"), 10, new BigDecimal("4.50"), 3, null, 5, 1000), new BigDecimal(relevance));
    }
}
