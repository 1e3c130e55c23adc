package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.desktop.learning.RecommendationFeed;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.model.protocol.Recommendation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's recommendations through the profile's sign-in. When the server cannot be asked (offline, signed out,
 * refused), the dashboard ranks this computer's courses instead and says so: the failure is logged, not shown.
 */
public final class SyncRecommendationFeed implements RecommendationFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRecommendationFeed.class);

    private final SyncService sync;

    public SyncRecommendationFeed(SyncService sync) {
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    @Override
    public Optional<List<Recommendation>> recommendations(int limit) {
        try {
            return sync.recommendations(limit);
        } catch (SyncFailure failure) {
            LOG.info("recommendations from this computer's courses: the server could not be asked ({}: {})",
                    failure.kind(), failure.getMessage());
            return Optional.empty();
        }
    }
}
