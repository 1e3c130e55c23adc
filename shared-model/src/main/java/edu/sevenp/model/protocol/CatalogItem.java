package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published course as the catalog lists it.
 *
 * @param category null for a course without one
 * @param downloadBytes total size of the course's media and resource files
 */
public record CatalogItem(UUID id, String slug, String title, String shortDescription, String difficulty, String language,
        boolean isFree, BigDecimal price, String currency, CategoryRef category, InstructorRef instructor,
        BigDecimal durationHours, int enrollmentCount, BigDecimal averageRating, int reviewCount,
        OffsetDateTime publishedAt, int lessonCount, long downloadBytes) {

    /** A category by name. */
    public record CategoryRef(UUID id, String slug, String name) {
    }

    /** An instructor's public name. */
    public record InstructorRef(UUID id, String name) {
    }
}
