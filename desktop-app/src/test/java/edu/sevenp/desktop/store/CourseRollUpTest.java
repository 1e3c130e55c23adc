package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.CourseCompletion;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course roll-up on the device follows V12's trigger (docs/schema-notes/triggers-and-constraints.md);
 * ProgressCrossCheckIT compares the two on one fixture.
 */
class CourseRollUpTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");
    private static final OffsetDateTime WEDNESDAY = OffsetDateTime.parse("2025-03-05T09:00:00Z");

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("roll-up-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void completingALessonRaisesTheEnrollmentsProgress() {
        FixtureCourse course = fixture.course("Three", 1, 3);
        enroll(course.id(), MONDAY);

        complete(course.lesson(0), TUESDAY, 60);

        assertThat(enrollment(course.id())).isEqualTo(new Enrollment(learner, course.id(), EnrollmentStatus.ACTIVE,
                new BigDecimal("33.33"), MONDAY, null, TUESDAY));
        assertThat(fixture.count(COURSE_COMPLETIONS)).isZero();
    }

    @Test
    void theLastLessonCompletesTheCourseOnceDatedWhenTheLearnerFinished() {
        FixtureCourse course = fixture.course("Two", 1, 2);
        enroll(course.id(), MONDAY);
        // Recorded in this order, but the first lesson was finished last (an offline device's clock).
        complete(course.lesson(0), WEDNESDAY, 600);
        visit(course.lesson(1), MONDAY, 300);

        complete(course.lesson(1), TUESDAY, 900);
        complete(course.lesson(1), TUESDAY, 0);

        assertThat(enrollment(course.id())).isEqualTo(new Enrollment(learner, course.id(), EnrollmentStatus.COMPLETED,
                new BigDecimal("100.00"), MONDAY, WEDNESDAY, WEDNESDAY));
        assertThat(store.completions().find(learner, course.id())).contains(new CourseCompletion(learner, course.id(),
                WEDNESDAY, new BigDecimal("100.00"), 1800, null, null, null));
        assertThat(fixture.count(COURSE_COMPLETIONS)).isEqualTo(1);
    }

    @Test
    void progressWithoutAnEnrollmentRollsUpNothingUntilTheLearnerEnrolls() {
        FixtureCourse course = fixture.course("Preview", 1, 2);
        complete(course.lesson(0), MONDAY, 10);
        complete(course.lesson(1), TUESDAY, 20);
        assertThat(fixture.count(COURSE_COMPLETIONS)).isZero();

        enroll(course.id(), WEDNESDAY);

        // As roll_up_enrollment: progress from the rows already there; the last access is not moved.
        assertThat(enrollment(course.id())).isEqualTo(new Enrollment(learner, course.id(), EnrollmentStatus.COMPLETED,
                new BigDecimal("100.00"), WEDNESDAY, TUESDAY, null));
        assertThat(store.completions().find(learner, course.id())).contains(new CourseCompletion(learner, course.id(),
                TUESDAY, new BigDecimal("100.00"), 30, null, null, null));
    }

    @Test
    void aDroppedEnrollmentStillCountsProgressAndCompletesWhenEveryLessonIsDone() {
        FixtureCourse course = fixture.course("Dropped", 1, 2);
        enroll(course.id(), MONDAY);
        store.enrollments().drop(learner, course.id(), MONDAY);

        complete(course.lesson(0), TUESDAY, 10);
        assertThat(enrollment(course.id()).status()).isEqualTo(EnrollmentStatus.DROPPED);
        assertThat(enrollment(course.id()).progress()).isEqualByComparingTo("50");

        complete(course.lesson(1), WEDNESDAY, 10);
        assertThat(enrollment(course.id())).isEqualTo(new Enrollment(learner, course.id(), EnrollmentStatus.COMPLETED,
                new BigDecimal("100.00"), MONDAY, WEDNESDAY, WEDNESDAY));
    }

    @Test
    void aCourseWithoutLessonsStaysAtZero() {
        FixtureCourse empty = fixture.course("Empty", 0, 0);

        enroll(empty.id(), MONDAY);

        assertThat(enrollment(empty.id())).isEqualTo(new Enrollment(learner, empty.id(), EnrollmentStatus.ACTIVE,
                new BigDecimal("0.00"), MONDAY, null, null));
    }

    @Test
    void visitsMoveTheLastAccessForwardNeverBack() {
        FixtureCourse course = fixture.course("Access", 1, 2);
        enroll(course.id(), MONDAY);
        visit(course.lesson(0), WEDNESDAY, 10);

        visit(course.lesson(1), TUESDAY, 10);

        assertThat(enrollment(course.id()).lastAccessedAt()).isEqualTo(WEDNESDAY);
    }

    @Test
    void aCompletionIsNeverDatedInTheFuture() {
        FixtureCourse course = fixture.course("Clock", 1, 1);
        enroll(course.id(), MONDAY);
        LessonProgressRepository atMonday = new LessonProgressRepository(store.dsl(), new WriteTransactions(store.dsl()),
                store.outbox(), Clock.fixed(MONDAY.toInstant(), ZoneOffset.UTC));

        // The device's clock said Wednesday when the lesson was finished; it is Monday now.
        atMonday.record(learner, course.lesson(0), ProgressEntry.completion(WEDNESDAY, 5));

        assertThat(enrollment(course.id()).completedAt()).isEqualTo(MONDAY);
        assertThat(store.completions().find(learner, course.id()).orElseThrow().completedAt()).isEqualTo(MONDAY);
    }

    @Test
    void aLessonAddedByANewerPackageLowersProgressAndTheCompletionStays() {
        PackageFixture pack = PackageFixture.course("Growing", 1, 2);
        CourseId course = store.importer().importPackage(pack.read(temp.resolve("v1"))).courseId();
        enroll(course, MONDAY);
        lessons(course).forEach(lesson -> complete(lesson, TUESDAY, 10));
        assertThat(enrollment(course).status()).isEqualTo(EnrollmentStatus.COMPLETED);

        pack.addLesson(pack.section(0), "Lesson 1.3", "# New\n");
        store.importer().importPackage(pack.version("1.1.0").read(temp.resolve("v2")));

        assertThat(enrollment(course)).isEqualTo(new Enrollment(learner, course, EnrollmentStatus.COMPLETED,
                new BigDecimal("66.67"), MONDAY, TUESDAY, TUESDAY));
        assertThat(fixture.count(COURSE_COMPLETIONS)).isEqualTo(1);
    }

    @Test
    void removingTheLastUnfinishedLessonCompletesTheCourse() {
        PackageFixture pack = PackageFixture.course("Shrinking", 1, 3);
        CourseId course = store.importer().importPackage(pack.read(temp.resolve("v1"))).courseId();
        enroll(course, MONDAY);
        List<LessonId> lessons = lessons(course);
        complete(lessons.get(0), MONDAY, 10);
        complete(lessons.get(1), TUESDAY, 10);
        assertThat(enrollment(course).progress()).isEqualByComparingTo("66.67");

        ((ArrayNode) pack.section(0).get("lessons")).remove(2);
        store.importer().importPackage(pack.version("1.1.0").read(temp.resolve("v2")));

        assertThat(enrollment(course)).isEqualTo(new Enrollment(learner, course, EnrollmentStatus.COMPLETED,
                new BigDecimal("100.00"), MONDAY, TUESDAY, TUESDAY));
        assertThat(store.completions().find(learner, course)).isPresent();
    }

    private void enroll(CourseId course, OffsetDateTime at) {
        store.enrollments().enroll(learner, course, at);
    }

    private void complete(LessonId lesson, OffsetDateTime at, int seconds) {
        store.progress().record(learner, lesson, ProgressEntry.completion(at, seconds));
    }

    private void visit(LessonId lesson, OffsetDateTime at, int seconds) {
        store.progress().record(learner, lesson, ProgressEntry.visit(at, 0, BigDecimal.TEN, seconds));
    }

    private Enrollment enrollment(CourseId course) {
        return store.enrollments().find(learner, course).orElseThrow();
    }

    private List<LessonId> lessons(CourseId course) {
        return store.courses().outline(course).orElseThrow().lessonsInOrder().stream().map(Lesson::id).toList();
    }
}
