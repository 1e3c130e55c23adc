package edu.sevenp.desktop.learning;

import edu.sevenp.model.protocol.Recommendation;
import java.util.List;
import java.util.Optional;

/** The server's recommendations for the learner; empty when they cannot be had (signed out, offline, refused). */
@FunctionalInterface
public interface RecommendationFeed {

    RecommendationFeed NONE = limit -> Optional.empty();

    Optional<List<Recommendation>> recommendations(int limit);
}
