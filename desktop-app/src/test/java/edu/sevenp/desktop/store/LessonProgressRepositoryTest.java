package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each report merges into the lesson's row the way the server merges it (principle 7). */
class LessonProgressRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");
    private static final OffsetDateTime WEDNESDAY = OffsetDateTime.parse("2025-03-05T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("progress-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 4);
    private final LessonProgressRepository progress = store.progress();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFirstVisitStartsTheLesson() {
        LessonProgress recorded = record(course.lesson(0), MONDAY, 95, "12.5", 95);

        assertThat(recorded).isEqualTo(new LessonProgress(learner, course.lesson(0), course.id(), ProgressStatus.IN_PROGRESS,
                new BigDecimal("12.50"), 95, 95, MONDAY, null, MONDAY));
        assertThat(progress.find(learner, course.lesson(0))).contains(recorded);
    }

    @Test
    void thePercentageKeepsTheFurthestThePositionTheLatestAndTimeAddsUp() {
        record(course.lesson(0), MONDAY, 300, "50", 300);

        LessonProgress rewound = record(course.lesson(0), TUESDAY, 120, "30", 60);

        assertThat(rewound).isEqualTo(new LessonProgress(learner, course.lesson(0), course.id(), ProgressStatus.IN_PROGRESS,
                new BigDecimal("50.00"), 120, 360, MONDAY, null, TUESDAY));
    }

    @Test
    void aLateReportOfAnEarlierVisitMovesNeitherThePositionNorTheLastAccessBack() {
        record(course.lesson(0), TUESDAY, 300, "40", 100);

        LessonProgress late = record(course.lesson(0), MONDAY, 50, "10", 20);

        assertThat(late).isEqualTo(new LessonProgress(learner, course.lesson(0), course.id(), ProgressStatus.IN_PROGRESS,
                new BigDecimal("40.00"), 300, 120, MONDAY, null, TUESDAY));
    }

    @Test
    void aCompletedLessonStaysCompletedAndKeepsItsCompletionTime() {
        progress.record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 200));

        LessonProgress revisited = record(course.lesson(0), TUESDAY, 30, "5", 40);

        assertThat(revisited).isEqualTo(new LessonProgress(learner, course.lesson(0), course.id(), ProgressStatus.COMPLETED,
                new BigDecimal("100.00"), 30, 240, MONDAY, MONDAY, TUESDAY));
    }

    @Test
    void completingALessonAgainWithoutTimeSpentChangesNothing() {
        LessonProgress first = progress.record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 200))
                .orElseThrow().progress();
        OffsetDateTime updated = updatedAt();

        RolledUpProgress again = progress.record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 0))
                .orElseThrow();

        assertThat(again).isEqualTo(new RolledUpProgress(first, Optional.empty(), false));
        assertThat(updatedAt()).isEqualTo(updated);
    }

    @Test
    void aWriteReportsTheEnrollmentAsTheRollUpLeftIt() {
        Enrollment enrolled = store.enrollments().enroll(learner, course.id(), MONDAY).orElseThrow();

        RolledUpProgress write = progress.record(learner, course.lesson(0), ProgressEntry.completion(TUESDAY, 60)).orElseThrow();

        assertThat(write.enrollment()).contains(new Enrollment(learner, course.id(), EnrollmentStatus.ACTIVE,
                new BigDecimal("25.00"), enrolled.enrolledAt(), null, TUESDAY));
        assertThat(write.completedCourse()).isFalse();
    }

    @Test
    void progressInALessonOutsideTheLibraryIsNotRecorded() {
        Optional<RolledUpProgress> write = progress.record(learner, LessonId.random(), ProgressEntry.completion(MONDAY, 1));

        assertThat(write).isEmpty();
        assertThat(fixture.count(LESSON_PROGRESS)).isZero();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void theOutlineStatusesNameEveryOpenedLessonOfTheCourse() {
        FixtureCourse other = fixture.course("Other", 1, 1);
        record(course.lesson(1), MONDAY, 10, "10", 10);
        progress.record(learner, course.lesson(2), ProgressEntry.completion(MONDAY, 10));
        record(other.lesson(0), MONDAY, 10, "10", 10);

        assertThat(progress.statuses(learner, course.id())).isEqualTo(Map.of(
                course.lesson(1), ProgressStatus.IN_PROGRESS,
                course.lesson(2), ProgressStatus.COMPLETED));
    }

    @Test
    void anotherLearnersProgressIsTheirOwn() {
        UserId other = fixture.user("Ben");
        record(course.lesson(0), MONDAY, 10, "10", 10);

        progress.record(other, course.lesson(0), ProgressEntry.completion(WEDNESDAY, 5));

        assertThat(progress.find(learner, course.lesson(0)).orElseThrow().status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(progress.find(other, course.lesson(0)).orElseThrow().status()).isEqualTo(ProgressStatus.COMPLETED);
    }

    private LessonProgress record(LessonId lesson, OffsetDateTime at, int position, String percentage, int seconds) {
        return progress.record(learner, lesson, ProgressEntry.visit(at, position, new BigDecimal(percentage), seconds))
                .orElseThrow().progress();
    }

    private OffsetDateTime updatedAt() {
        return fixture.dsl().select(LESSON_PROGRESS.UPDATED_AT).from(LESSON_PROGRESS).fetchSingle().value1();
    }
}
