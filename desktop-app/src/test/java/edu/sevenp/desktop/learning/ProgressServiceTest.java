package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("progress-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final ProgressService progress = new ProgressService(store.progress(), fixture.learner(), clock);
    private final EnrollmentService enrollments = new EnrollmentService(store.enrollments(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aVisitRecordsPositionPercentageAndTimeAtTheClocksTime() {
        ProgressWrite write = progress.recordVisit(course.lesson(0), 120, new BigDecimal("33.333"), 120);

        assertThat(write).isEqualTo(new ProgressWrite(new LessonProgress(fixture.learner(), course.lesson(0), course.id(),
                ProgressStatus.IN_PROGRESS, new BigDecimal("33.33"), 120, 120, clock.now(), null, clock.now()),
                Optional.empty(), false));
        assertThat(progress.progress(course.lesson(0))).contains(write.progress());
    }

    @Test
    void timeSpentKeepsTheStoredPositionAndPercentageAndQueuesOneChangePerWrite() {
        progress.recordVisit(course.lesson(0), 120, new BigDecimal("40"), 60);
        clock.advance(Duration.ofMinutes(1));

        ProgressWrite write = progress.recordTimeSpent(course.lesson(0), 45);

        OffsetDateTime first = clock.now().minusMinutes(1);
        assertThat(write.progress()).isEqualTo(new LessonProgress(fixture.learner(), course.lesson(0), course.id(),
                ProgressStatus.IN_PROGRESS, new BigDecimal("40.00"), 120, 105, first, null, clock.now()));
        assertThat(fixture.outbox()).hasSize(2);
    }

    @Test
    void timeSpentOnANewLessonStartsItAtTheBeginning() {
        ProgressWrite write = progress.recordTimeSpent(course.lesson(1), 0);

        assertThat(write.progress()).isEqualTo(new LessonProgress(fixture.learner(), course.lesson(1), course.id(),
                ProgressStatus.IN_PROGRESS, new BigDecimal("0.00"), 0, 0, clock.now(), null, clock.now()));
    }

    @Test
    void impossibleTimeSpentIsRefused() {
        assertThatThrownBy(() -> progress.recordTimeSpent(course.lesson(0), -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("secondsSpent", "Time spent must be between 0 and 86,400 seconds, not -1.")));
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void completingTheLastLessonSaysTheCourseIsCompleted() {
        Enrollment enrolled = enrollments.enroll(course.id());
        progress.markComplete(course.lesson(0), 60);
        clock.advance(Duration.ofHours(1));

        ProgressWrite last = progress.markComplete(course.lesson(1), 90);

        assertThat(last.completedCourse()).isTrue();
        assertThat(last.enrollment()).contains(new Enrollment(fixture.learner(), course.id(), EnrollmentStatus.COMPLETED,
                new BigDecimal("100.00"), enrolled.enrolledAt(), clock.now(), clock.now()));
        assertThat(progress.markComplete(course.lesson(1), 0).completedCourse()).isFalse();
    }

    @Test
    void impossibleReportsAreRefusedFieldByFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> progress.recordVisit(course.lesson(0), -1, new BigDecimal("100.01"), 86_401))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("positionSeconds", "A position in the lesson cannot be negative."),
                        new Problem("percentage", "A percentage must be between 0 and 100, not 100.01."),
                        new Problem("secondsSpent", "Time spent must be between 0 and 86,400 seconds, not 86401.")));
        assertThatThrownBy(() -> progress.recordVisit(course.lesson(0), 0, null, 0))
                .hasMessage("A percentage must be between 0 and 100.");
        assertThatThrownBy(() -> progress.markComplete(course.lesson(0), -3)).isInstanceOf(InvalidInputException.class);

        assertThat(progress.progress(course.lesson(0))).isEmpty();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void progressInALessonOutsideTheLibraryIsRefused() {
        assertThatThrownBy(() -> progress.markComplete(LessonId.random(), 1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This lesson is no longer in your library, so your progress was not saved.");
    }
}
