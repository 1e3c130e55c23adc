package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("enrollment-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final EnrollmentService enrollments = new EnrollmentService(store.enrollments(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void enrollingDroppingAndRejoining() {
        Enrollment enrolled = enrollments.enroll(course.id());
        assertThat(enrolled).isEqualTo(new Enrollment(fixture.learner(), course.id(), EnrollmentStatus.ACTIVE,
                new BigDecimal("0.00"), clock.now(), null, null));

        assertThat(enrollments.drop(course.id()).status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(enrollments.drop(course.id()).status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(enrollments.enroll(course.id())).isEqualTo(enrolled);
        assertThat(enrollments.enrollment(course.id())).contains(enrolled);
        assertThat(enrollments.enrollments()).containsExactly(enrolled);
    }

    @Test
    void aCompletedCourseCannotBeDroppedAndSaysWhy() {
        enrollments.enroll(course.id());
        new ProgressService(store.progress(), fixture.learner(), clock).markComplete(course.lesson(0), 10);

        assertThatThrownBy(() -> enrollments.drop(course.id()))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You completed this course; a completed course stays completed and cannot be dropped.");
        assertThat(enrollments.enrollment(course.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void droppingACourseNotEnrolledInAndEnrollingInAnUnknownOneAreRefused() {
        assertThatThrownBy(() -> enrollments.drop(course.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("You are not enrolled in this course.");
        assertThatThrownBy(() -> enrollments.enroll(CourseId.random()))
                .isInstanceOf(NotFoundException.class).hasMessage("This course is not in your library.");
        assertThat(fixture.outbox()).isEmpty();
    }
}
