package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.CourseCandidate;
import edu.sevenp.desktop.store.CourseCandidates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the courses of this device the learner has not taken with the server's formula
 * (get_course_recommendations, docs/sync-protocol.md): 0.4 × the share of the learner's enrollments in the course's
 * category + 0.3 × rating / 5 + 0.2 × min(1, log10(enrollments + 1) / 6) + 0.1 × exp(-age in days / 180), rounded to
 * six decimals; ties go to the newer course, then the lower id. Offline, the same learner sees the same order.
 */
public final class LocalRecommendations {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private LocalRecommendations() {
    }

    public static List<RecommendedCourse> rank(CourseCandidates candidates, Instant now, int limit) {
        Comparator<Scored> order = Comparator.comparing(Scored::score).reversed()
                .thenComparing(scored -> scored.course().releasedAt(), Comparator.reverseOrder())
                .thenComparing(scored -> scored.course().id().value());
        return candidates.courses().stream()
                .map(course -> new Scored(course, score(course, candidates, now)))
                .sorted(order)
                .limit(limit)
                .map(scored -> new RecommendedCourse(scored.course().id(), scored.course().title(),
                        scored.course().shortDescription(), scored.course().difficulty(), scored.score(), true))
                .toList();
    }

    static BigDecimal score(CourseCandidate course, CourseCandidates candidates, Instant now) {
        double share = course.category() == null || candidates.enrollments() == 0 ? 0
                : candidates.enrollmentsByCategory().getOrDefault(course.category(), 0) / (double) candidates.enrollments();
        double rating = course.averageRating().doubleValue() / 5;
        double popularity = Math.min(1.0, Math.log10(course.enrollmentCount() + 1.0) / 6);
        double ageDays = Math.max(0, Duration.between(course.releasedAt().toInstant(), now).toSeconds()) / SECONDS_PER_DAY;
        double recency = Math.exp(-ageDays / 180.0);
        return BigDecimal.valueOf(0.4 * share + 0.3 * rating + 0.2 * popularity + 0.1 * recency)
                .setScale(6, RoundingMode.HALF_UP);
    }

    private record Scored(CourseCandidate course, BigDecimal score) {
    }
}
