package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.learning.CourseCompletion;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("completion-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final CompletionService completions = new CompletionService(store.completions(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCompletedCourseIsRatedReviewedAndRecommended() {
        complete();

        CourseCompletion reviewed = completions.review(course.id(), 5, "Short and clear", true);

        assertThat(reviewed).isEqualTo(new CourseCompletion(fixture.learner(), course.id(), clock.now(),
                new BigDecimal("100.00"), 45, 5, "Short and clear", true));
        assertThat(completions.completion(course.id())).contains(reviewed);
        assertThat(completions.review(course.id(), null, "  ", null).review()).isNull();
    }

    @Test
    void aCourseNotCompletedCannotBeReviewedYet() {
        assertThatThrownBy(() -> completions.review(course.id(), 4, null, null))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can review this course once you have completed it.");
    }

    @Test
    void aRatingOutsideOneToFiveAndAReviewTooLongAreRefused() {
        complete();

        assertThatThrownBy(() -> completions.review(course.id(), 6, "r".repeat(5_001), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("rating", "A rating is 1 to 5 stars."),
                        new Problem("review", "A review can be at most 5,000 characters long; this one has 5,001.")));
        assertThatThrownBy(() -> completions.review(course.id(), 0, null, null)).isInstanceOf(InvalidInputException.class);
        assertThat(completions.completion(course.id()).orElseThrow().rating()).isNull();
    }

    private void complete() {
        new EnrollmentService(store.enrollments(), fixture.learner(), clock).enroll(course.id());
        new ProgressService(store.progress(), fixture.learner(), clock).markComplete(course.lesson(0), 45);
    }
}
