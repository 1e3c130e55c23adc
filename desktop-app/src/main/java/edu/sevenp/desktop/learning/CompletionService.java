package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.CompletionRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.CourseCompletion;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;

/** Completed courses, and the learner's rating, review and recommendation of them. */
public final class CompletionService {

    /** The longest review, in characters. */
    public static final int MAX_REVIEW_LENGTH = 5_000;

    private final CompletionRepository completions;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public CompletionService(CompletionRepository completions, UserId learner, Clock clock) {
        this(completions, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public CompletionService(CompletionRepository completions, Supplier<UserId> learner, Clock clock) {
        this.completions = Objects.requireNonNull(completions, "completions");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<CourseCompletion> completion(CourseId course) {
        return completions.find(learner.get(), Objects.requireNonNull(course, "course"));
    }

    /**
     * Rates and reviews a completed course. Every value replaces the previous one; null clears it.
     *
     * @param rating 1 to 5, or null for no rating
     * @param review blank is no review
     * @param wouldRecommend null when the learner does not say
     * @throws NotAllowedException the course is not completed
     */
    public CourseCompletion review(CourseId course, Integer rating, String review, Boolean wouldRecommend) {
        Objects.requireNonNull(course, "course");
        new Checks()
                .require(rating == null || (rating >= 1 && rating <= 5), "rating", LearningException.WORDS.text("rating"))
                .optionalText(review, "review", LearningException.WORDS.text("what.review"), MAX_REVIEW_LENGTH)
                .orRefuse();
        String text = review == null || review.isBlank() ? null : review;
        return completions.review(learner.get(), course, rating, text, wouldRecommend, Times.now(clock))
                .orElseThrow(() -> new NotAllowedException(LearningException.WORDS.text("review.notCompleted")));
    }
}
