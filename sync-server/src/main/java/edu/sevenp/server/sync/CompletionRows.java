package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.CompletionRow;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The user's course completions, found by (user, course); made by the server's roll-up, reviewed by the user. */
public interface CompletionRows {

    Optional<CompletionRow> lock(UUID courseId);

    CompletionRow review(UUID id, Integer rating, String review, Boolean wouldRecommend, OffsetDateTime reviewedAt);
}
