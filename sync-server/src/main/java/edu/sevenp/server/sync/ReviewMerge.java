package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.CompletionRow;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Reviews of completed courses (docs/sync-protocol.md, section 8.6): only rating, review and would-recommend
 * of the user's completion, which the server's roll-up made; the later review wins.
 */
final class ReviewMerge {

    private final CompletionRows completions;

    ReviewMerge(CompletionRows completions) {
        this.completions = Objects.requireNonNull(completions, "completions");
    }

    Applied upsert(CompletionReview change, ChangeContext context) {
        Inputs.optionalText(change.review(), "payload.review", 5_000);
        OffsetDateTime reviewedAt = context.time().of(change.reviewedAt());
        CompletionRow completion = completions.lock(change.courseId().value()).orElseThrow(() ->
                ApiProblem.of(edu.sevenp.server.problem.ProblemKind.UNPROCESSABLE, "completion_missing",
                        "The server does not consider course " + change.courseId().value()
                                + " completed yet; finish its lessons, then review it.", "payload.courseId"));
        if (completion.reviewedAt() != null && reviewedAt.isBefore(completion.reviewedAt())) {
            return Applied.of("kept_newer", completion);
        }
        return Applied.of("updated", completions.review(completion.id(), change.rating(), change.review(),
                change.wouldRecommend(), reviewedAt));
    }
}
