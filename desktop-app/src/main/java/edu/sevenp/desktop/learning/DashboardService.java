package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.DashboardRepository;
import edu.sevenp.desktop.store.LearningTally;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Dashboard;
import edu.sevenp.model.protocol.CatalogItem;
import edu.sevenp.model.protocol.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The learner's dashboard, with the content of the server's get_user_dashboard, from the local store. */
public final class DashboardService {

    /** As many as the screen shows. */
    static final int RECOMMENDATIONS = 5;

    private final DashboardRepository dashboards;
    private final Supplier<UserId> learner;

    public DashboardService(DashboardRepository dashboards, UserId learner) {
        this(dashboards, Learners.fixed(learner));
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public DashboardService(DashboardRepository dashboards, Supplier<UserId> learner) {
        this.dashboards = Objects.requireNonNull(dashboards, "dashboards");
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    public Dashboard dashboard() {
        return dashboards.dashboard(learner.get());
    }

    /**
     * The dashboard screen: recommendations from {@code server} when it answers, else ranked here from the courses of
     * this device with the server's formula. Does I/O (the store, maybe the network): never on the UI thread.
     */
    public HomeOverview overview(RecommendationFeed server, Instant now) {
        UserId user = learner.get();
        Dashboard dashboard = dashboards.dashboard(user);
        LearningTally tally = dashboards.tally(user);
        Optional<List<Recommendation>> fromServer = server.recommendations(RECOMMENDATIONS);
        List<RecommendedCourse> recommended = fromServer.map(this::ofServer)
                .orElseGet(() -> LocalRecommendations.rank(dashboards.candidates(user), now, RECOMMENDATIONS));
        StudyTotals totals = new StudyTotals(tally.activeCourses(), tally.coursesCompleted(), tally.lessonsCompleted(),
                tally.studySeconds());
        return new HomeOverview(dashboard, totals, Milestones.of(tally), recommended, fromServer.isPresent());
    }

    private List<RecommendedCourse> ofServer(List<Recommendation> recommendations) {
        Set<CourseId> here = dashboards.present(recommendations.stream()
                .map(recommendation -> new CourseId(recommendation.course().id())).toList());
        return recommendations.stream().map(recommendation -> {
            CatalogItem course = recommendation.course();
            CourseId id = new CourseId(course.id());
            return new RecommendedCourse(id, course.title(), course.shortDescription(), difficulty(course.difficulty()),
                    recommendation.relevance(), here.contains(id));
        }).toList();
    }

    /** A newer server may know a difficulty this app does not: shown without one rather than failing the screen. */
    private static Difficulty difficulty(String code) {
        try {
            return code == null ? null : Difficulty.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
