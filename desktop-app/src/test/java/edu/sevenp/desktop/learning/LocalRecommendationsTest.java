package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.CourseCandidate;
import edu.sevenp.desktop.store.CourseCandidates;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server's get_course_recommendations formula, applied to this device's courses. */
class LocalRecommendationsTest {

    private static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");
    private static final UUID DATABASES = UUID.randomUUID();

    @Test
    void theScoreAddsCategoryShareRatingPopularityAndRecencyRoundedToSixDecimals() {
        // Half the learner's enrollments are in its category; rated 4 of 5; 999 learners; released 180 days ago.
        CourseCandidate course = candidate("Indexes", DATABASES, "4.00", 999, NOW.minusSeconds(180L * 86_400));
        CourseCandidates candidates = new CourseCandidates(List.of(course), Map.of(DATABASES, 1), 2);

        // 0.4 × 0.5 + 0.3 × 0.8 + 0.2 × 0.5 + 0.1 × e^-1
        assertThat(LocalRecommendations.score(course, candidates, NOW)).isEqualTo(new BigDecimal("0.576788"));
    }

    @Test
    void aLearnerWithoutEnrollmentsGetsNoCategoryShareAndTheFutureCountsAsNew() {
        CourseCandidate course = candidate("Keys", DATABASES, "0.00", 0, NOW.plusSeconds(3600));

        assertThat(LocalRecommendations.score(course, new CourseCandidates(List.of(course), Map.of(), 0), NOW))
                .isEqualTo(new BigDecimal("0.100000"));
    }

    @Test
    void coursesAreRankedByScoreThenNewerFirstAndLimited() {
        CourseCandidate sameCategory = candidate("SQL in Depth", DATABASES, "3.00", 10, NOW.minusSeconds(400L * 86_400));
        CourseCandidate unrated = candidate("Cooking", null, "0.00", 0, NOW.minusSeconds(400L * 86_400));
        CourseCandidate older = candidate("Old twin", null, "5.00", 0, NOW.minusSeconds(900L * 86_400));
        CourseCandidate newer = candidate("New twin", null, "5.00", 0, NOW.minusSeconds(900L * 86_400 - 1));
        CourseCandidates candidates = new CourseCandidates(List.of(unrated, older, sameCategory, newer),
                Map.of(DATABASES, 3), 3);

        assertThat(LocalRecommendations.rank(candidates, NOW, 3)).extracting(RecommendedCourse::title)
                .containsExactly("SQL in Depth", "New twin", "Old twin");
        assertThat(LocalRecommendations.rank(candidates, NOW, 10)).allMatch(RecommendedCourse::onThisComputer)
                .hasSize(4);
    }

    private static CourseCandidate candidate(String title, UUID category, String rating, int enrollments, Instant released) {
        return new CourseCandidate(CourseId.random(), title, title + " for everyone", Difficulty.BEGINNER, category,
                new BigDecimal(rating), enrollments, OffsetDateTime.ofInstant(released, java.time.ZoneOffset.UTC));
    }
}
