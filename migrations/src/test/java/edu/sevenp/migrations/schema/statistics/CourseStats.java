package edu.sevenp.migrations.schema.statistics;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.UUID;

/** One row of course_statistics, less refreshed_at (a time, not a statistic). */
record CourseStats(
        UUID id,
        String title,
        UUID instructorId,
        UUID categoryId,
        long enrollmentCount,
        BigDecimal averageRating,
        long reviewCount,
        BigDecimal avgCompletionRate,
        long completionCount,
        String currency,
        BigDecimal totalRevenue,
        SortedMap<String, BigDecimal> revenueByCurrency,
        long purchaseCount) {
}
