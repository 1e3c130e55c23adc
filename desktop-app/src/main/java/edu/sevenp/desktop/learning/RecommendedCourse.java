package edu.sevenp.desktop.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A course recommended to the learner, by the server or ranked here the server's way.
 *
 * @param difficulty null when the server sent one this app does not know
 * @param onThisComputer whether its content is in the local store (it opens offline)
 */
public record RecommendedCourse(CourseId id, String title, String shortDescription, Difficulty difficulty,
        BigDecimal relevance, boolean onThisComputer) {

    public RecommendedCourse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(relevance, "relevance");
    }
}
