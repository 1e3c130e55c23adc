package edu.sevenp.desktop.learning;

import edu.sevenp.model.learning.Dashboard;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard screen's content: the learner's courses and study time, the achievements the server awarded, the
 * player's own milestones, and recommendations.
 *
 * @param recommendationsFromServer whether the recommendations came from the server (else: ranked here, offline)
 */
public record HomeOverview(Dashboard dashboard, StudyTotals totals, List<Milestone> milestones,
        List<RecommendedCourse> recommendations, boolean recommendationsFromServer) {

    public HomeOverview {
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(totals, "totals");
        milestones = List.copyOf(milestones);
        recommendations = List.copyOf(recommendations);
    }
}
