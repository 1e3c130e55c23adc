package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The headline figures of one of an instructor's published courses, from course_statistics
 * ({@code GET /instructor/courses}, docs/sync-protocol.md section 11.1).
 *
 * @param completionRate completions per enrollment in percent (two places); null without enrollments
 * @param averageProgress the mean of the enrollments' progress (0-100); null without enrollments
 * @param averageRating the mean rating of the reviews (1-5); null without reviews
 * @param revenue completed purchases in the course's {@code currency}
 * @param refreshedAt when the server last computed course_statistics
 */
public record CourseFigures(UUID courseId, String title, long enrollments, long completions, BigDecimal completionRate,
        BigDecimal averageProgress, BigDecimal averageRating, long reviews, String currency, BigDecimal revenue,
        OffsetDateTime refreshedAt) {
}
