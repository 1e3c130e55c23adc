package edu.sevenp.model.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A course the learner completed (course_completions): made once by the roll-up when the enrollment
 * reaches 100%, dated when the learner finished the last lesson. The learner may then rate and review it.
 *
 * @param totalTimeSpent seconds spent on the course's lessons when it was completed
 * @param rating 1 to 5, or null when not rated
 * @param wouldRecommend null when the learner did not say
 */
public record CourseCompletion(
        UserId userId,
        CourseId courseId,
        OffsetDateTime completedAt,
        BigDecimal completionPercentage,
        int totalTimeSpent,
        Integer rating,
        String review,
        Boolean wouldRecommend) {

    public CourseCompletion {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(completedAt, "completedAt");
        completionPercentage = LessonProgress.Percent.of(completionPercentage, "completionPercentage");
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be between 1 and 5, was " + rating);
        }
    }
}
