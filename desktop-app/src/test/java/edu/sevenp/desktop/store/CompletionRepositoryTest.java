package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.CourseCompletion;
import edu.sevenp.model.sync.SyncEntity;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("completions-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final CompletionRepository completions = store.completions();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCourseNotCompletedHasNothingToReview() {
        store.enrollments().enroll(learner, course.id(), MONDAY);

        assertThat(completions.review(learner, course.id(), 5, "great", true, TUESDAY)).isEmpty();
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.ENROLLMENTS);
    }

    @Test
    void aCompletedCourseTakesARatingAReviewAndARecommendation() {
        complete();

        assertThat(completions.review(learner, course.id(), 4, "Clear", true, TUESDAY)).contains(new CourseCompletion(
                learner, course.id(), MONDAY, new BigDecimal("100.00"), 30, 4, "Clear", true));
    }

    @Test
    void aReviewCanBeWithdrawn() {
        complete();
        completions.review(learner, course.id(), 4, "Clear", true, TUESDAY);

        assertThat(completions.review(learner, course.id(), null, null, null, TUESDAY.plusHours(1))).contains(
                new CourseCompletion(learner, course.id(), MONDAY, new BigDecimal("100.00"), 30, null, null, null));
    }

    private void complete() {
        store.enrollments().enroll(learner, course.id(), MONDAY);
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 30));
    }
}
