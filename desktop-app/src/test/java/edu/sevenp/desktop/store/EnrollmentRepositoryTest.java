package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("enrollments-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final EnrollmentRepository enrollments = store.enrollments();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void enrollingMakesAnActiveEnrollmentWithNoProgressYet() {
        Enrollment enrolled = enrollments.enroll(learner, course.id(), MONDAY).orElseThrow();

        assertThat(enrolled).isEqualTo(new Enrollment(learner, course.id(), EnrollmentStatus.ACTIVE, new BigDecimal("0.00"),
                MONDAY, null, null));
        assertThat(enrollments.find(learner, course.id())).contains(enrolled);
    }

    @Test
    void enrollingAgainKeepsTheFirstEnrollment() {
        Enrollment first = enrollments.enroll(learner, course.id(), MONDAY).orElseThrow();

        assertThat(enrollments.enroll(learner, course.id(), TUESDAY)).contains(first);
        assertThat(fixture.count(ENROLLMENTS)).isEqualTo(1);
    }

    @Test
    void droppingAndRejoiningKeepTheEnrollmentAndItsDate() {
        enrollments.enroll(learner, course.id(), MONDAY);

        assertThat(enrollments.drop(learner, course.id(), TUESDAY).orElseThrow().status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(enrollments.enroll(learner, course.id(), TUESDAY)).contains(new Enrollment(learner, course.id(),
                EnrollmentStatus.ACTIVE, new BigDecimal("0.00"), MONDAY, null, null));
    }

    @Test
    void openingALessonOfADroppedCourseDoesNotRejoinIt() {
        enrollments.enroll(learner, course.id(), MONDAY);
        enrollments.drop(learner, course.id(), MONDAY);

        assertThat(enrollments.ensureEnrolled(learner, course.id(), TUESDAY).orElseThrow().status())
                .isEqualTo(EnrollmentStatus.DROPPED);
    }

    @Test
    void aCompletedCourseCannotBeDropped() {
        enrollments.enroll(learner, course.id(), MONDAY);
        course.lessons().forEach(lesson -> store.progress().record(learner, lesson, ProgressEntry.completion(MONDAY, 1)));

        Enrollment after = enrollments.drop(learner, course.id(), TUESDAY).orElseThrow();

        assertThat(after.status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void droppingACourseTheLearnerIsNotEnrolledInFindsNothing() {
        assertThat(enrollments.drop(learner, course.id(), MONDAY)).isEmpty();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void aCourseOutsideTheLibraryCannotBeEnrolledIn() {
        assertThat(enrollments.enroll(learner, CourseId.random(), MONDAY)).isEmpty();
        assertThat(fixture.count(ENROLLMENTS)).isZero();
    }

    @Test
    void theLearnersEnrollmentsComeMostRecentlyStudiedFirst() {
        FixtureCourse second = fixture.course("Second", 1, 1);
        FixtureCourse unopened = fixture.course("Unopened", 1, 1);
        enrollments.enroll(learner, course.id(), MONDAY);
        enrollments.enroll(learner, second.id(), MONDAY);
        enrollments.enroll(learner, unopened.id(), TUESDAY);
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 1));
        store.progress().record(learner, second.lesson(0), ProgressEntry.completion(TUESDAY, 1));

        assertThat(enrollments.forUser(learner)).extracting(Enrollment::courseId)
                .containsExactly(second.id(), course.id(), unopened.id());
    }
}
