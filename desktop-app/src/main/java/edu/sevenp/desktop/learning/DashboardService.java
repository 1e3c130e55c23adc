package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.DashboardRepository;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Dashboard;
import java.util.Objects;
import java.util.function.Supplier;

/** The learner's dashboard, with the content of the server's get_user_dashboard, from the local store. */
public final class DashboardService {

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
}
