package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code GET /recommendations}: a published course the learner has never enrolled in, with the relevance the server's
 * {@code get_course_recommendations} gave it (0 to 1, higher first).
 */
public record Recommendation(CatalogItem course, BigDecimal relevance) {

    public Recommendation {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(relevance, "relevance");
    }
}
