package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lesson progress rolls up into the enrollment's progress and, at 100%, into one course completion. */
@PostgresTest
class ProgressRollUpIT {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");
    private static final OffsetDateTime WEDNESDAY = OffsetDateTime.parse("2025-03-05T09:00:00Z");

    private static final String ACTIVE = "active";
    private static final String COMPLETED = "completed";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    ProgressRollUpIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = database.superuser().getConnection();
        data = new TestData(connection);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void completingALessonRaisesTheEnrollmentsProgress() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 3);
        UUID learner = data.learnerIn(course);

        data.completedLesson(learner, lessons.get(0));

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("33.33"), ACTIVE));
        assertThat(completions(course)).isEmpty();
    }

    @Test
    void completedProgressArrivingOfflineCreatesOneCompletion() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 3);
        UUID learner = data.learnerIn(course);

        // What an offline client uploads: rows that are completed already, with its own times, in one batch.
        data.update("""
                INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at, total_time_spent)
                VALUES (?, ?, 'completed', ?, 600), (?, ?, 'completed', ?, 900), (?, ?, 'completed', ?, 300)""",
                learner, lessons.get(0), MONDAY, learner, lessons.get(1), WEDNESDAY, learner, lessons.get(2), TUESDAY);

        assertThat(enrollment(learner, course))
                .isEqualTo(new Enrollment(new BigDecimal("100.00"), COMPLETED, WEDNESDAY));
        assertThat(completions(course)).containsExactly(new Completion(learner, WEDNESDAY, 1800));
    }

    @Test
    void courseReachingFullProgressCreatesExactlyOneCompletion() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);
        for (UUID lesson : lessons) {
            data.update("INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, 'in_progress')", learner, lesson);
        }

        // The seed's path: each lesson moves from in progress to completed; then one is reopened and finished again.
        for (UUID lesson : lessons) {
            data.update("UPDATE lesson_progress SET status = 'completed', completed_at = ? WHERE user_id = ? AND lesson_id = ?",
                    MONDAY, learner, lesson);
        }
        data.update("UPDATE lesson_progress SET status = 'in_progress' WHERE user_id = ? AND lesson_id = ?", learner, lessons.get(1));
        data.update("UPDATE lesson_progress SET status = 'completed', completed_at = ? WHERE user_id = ? AND lesson_id = ?",
                TUESDAY, learner, lessons.get(1));

        assertThat(completions(course)).containsExactly(new Completion(learner, MONDAY, 0));
    }

    @Test
    void reapplyingTheSameProgressCreatesNothingTwice() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);
        String upload = """
                INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at, last_accessed_at, total_time_spent)
                VALUES (?, ?, 'completed', ?, ?, 120)
                ON CONFLICT (user_id, lesson_id) DO UPDATE
                SET status = excluded.status, completed_at = excluded.completed_at,
                    last_accessed_at = excluded.last_accessed_at, total_time_spent = excluded.total_time_spent""";
        for (UUID lesson : lessons) {
            data.update(upload, learner, lesson, MONDAY, MONDAY);
        }
        Snapshot before = snapshot(learner, course);

        // A retried upload: the same rows again, as an upsert and as a plain update.
        for (UUID lesson : lessons) {
            data.update(upload, learner, lesson, MONDAY, MONDAY);
            data.update("UPDATE lesson_progress SET status = 'completed', completed_at = ?, total_time_spent = 120 "
                    + "WHERE user_id = ? AND lesson_id = ?", MONDAY, learner, lesson);
        }

        assertThat(snapshot(learner, course)).isEqualTo(before);
        assertThat(before.completions()).isEqualTo(1);
    }

    @Test
    void courseWithoutLessonsStaysAtZero() {
        UUID course = data.course();

        UUID learner = data.learnerIn(course);

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("0.00"), ACTIVE));
        assertThat(completions(course)).isEmpty();
    }

    @Test
    void removingEveryLessonBringsProgressBackToZero() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);
        data.completedLesson(learner, lessons.get(0));

        data.update("DELETE FROM course_lessons WHERE course_id = ?", course);

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("0.00"), ACTIVE));
        assertThat(completions(course)).isEmpty();
    }

    @Test
    void reopeningACompletedLessonLowersProgress() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 4);
        UUID learner = data.learnerIn(course);
        data.completedLesson(learner, lessons.get(0));
        data.completedLesson(learner, lessons.get(1));

        data.update("UPDATE lesson_progress SET status = 'in_progress' WHERE user_id = ? AND lesson_id = ?", learner, lessons.get(1));

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("25.00"), ACTIVE));
    }

    @Test
    void deletingCompletedProgressLowersProgress() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 4);
        UUID learner = data.learnerIn(course);
        data.completedLesson(learner, lessons.get(0));
        UUID second = data.completedLesson(learner, lessons.get(1));

        data.update("DELETE FROM lesson_progress WHERE id = ?", second);

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("25.00"), ACTIVE));
    }

    @Test
    void progressWithoutEnrollmentIsKeptAndCountsOnceTheLearnerEnrolls() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.user();
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?)",
                learner, lessons.get(0), MONDAY);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?)",
                learner, lessons.get(1), TUESDAY);
        assertThat(completions(course)).isEmpty();

        data.enrollment(learner, course);

        assertThat(enrollment(learner, course)).isEqualTo(new Enrollment(new BigDecimal("100.00"), COMPLETED, TUESDAY));
        assertThat(completions(course)).containsExactly(new Completion(learner, TUESDAY, 0));
    }

    @Test
    void addingALessonLowersEveryEnrollmentsProgressAndKeepsCompletionsCompleted() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID halfway = data.learnerIn(course);
        UUID finished = data.learnerIn(course);
        data.completedLesson(halfway, lessons.get(0));
        data.completedLesson(finished, lessons.get(0));
        data.completedLesson(finished, lessons.get(1));

        data.lesson(data.section(course));

        assertThat(List.of(progress(halfway, course), progress(finished, course))).containsExactly(
                new Progress(new BigDecimal("33.33"), ACTIVE),
                new Progress(new BigDecimal("66.67"), COMPLETED));
        assertThat(completions(course)).extracting(Completion::user).containsExactly(finished);
    }

    @Test
    void removingTheLastUnfinishedLessonCompletesTheCourse() {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 3);
        UUID learner = data.learnerIn(course);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?)",
                learner, lessons.get(0), MONDAY);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES (?, ?, 'completed', ?)",
                learner, lessons.get(1), TUESDAY);

        data.update("DELETE FROM course_lessons WHERE id = ?", lessons.get(2));

        assertThat(enrollment(learner, course)).isEqualTo(new Enrollment(new BigDecimal("100.00"), COMPLETED, TUESDAY));
        assertThat(completions(course)).containsExactly(new Completion(learner, TUESDAY, 0));
    }

    @Test
    void enrollmentMovedToAnotherCourseTakesThatCoursesProgress() {
        UUID first = data.course();
        UUID second = data.course();
        data.lessons(first, 1);
        List<UUID> secondLessons = data.lessons(second, 2);
        UUID learner = data.learnerIn(first);
        data.completedLesson(learner, secondLessons.get(0));

        data.update("UPDATE enrollments SET course_id = ? WHERE user_id = ? AND course_id = ?", second, learner, first);

        assertThat(progress(learner, second)).isEqualTo(new Progress(new BigDecimal("50.00"), ACTIVE));
    }

    @Test
    void twoDevicesCompletingTheLastLessonsAtOnceCompleteTheCourse() throws Exception {
        UUID course = data.course();
        List<UUID> lessons = data.lessons(course, 2);
        UUID learner = data.learnerIn(course);
        for (UUID lesson : lessons) {
            data.update("INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, 'in_progress')", learner, lesson);
        }
        String complete = "UPDATE lesson_progress SET status = 'completed' WHERE user_id = ? AND lesson_id = ?";

        try (Connection firstDevice = database.superuser().getConnection();
             SecondSession secondDevice = new SecondSession(database.superuser())) {
            firstDevice.setAutoCommit(false);
            new TestData(firstDevice).update(complete, learner, lessons.get(0));
            CompletableFuture<Integer> second = secondDevice.start(complete, learner, lessons.get(1));
            secondDevice.awaitBlocked();
            firstDevice.commit();
            second.get(20, TimeUnit.SECONDS);
        }

        assertThat(progress(learner, course)).isEqualTo(new Progress(new BigDecimal("100.00"), COMPLETED));
        assertThat(completions(course)).extracting(Completion::user).containsExactly(learner);
    }

    @Test
    void deletingACourseWhoseLearnerFinishedOneSectionSucceeds() {
        UUID course = data.course();
        UUID unfinishedLesson = data.lesson(data.section(course));
        UUID finishedLesson = data.lesson(data.section(course));
        UUID learner = data.learnerIn(course);
        data.update("INSERT INTO lesson_progress (user_id, lesson_id, status) VALUES (?, ?, 'in_progress')", learner, unfinishedLesson);
        data.completedLesson(learner, finishedLesson);

        // Were the unfinished lesson's cascade to run before the enrollment's, the learner would have
        // completed every lesson left; no completion may be created for a course being deleted.
        int deleted = data.update("DELETE FROM courses WHERE id = ?", course);

        assertThat(deleted).isEqualTo(1);
        assertThat(data.value("SELECT count(*) FROM course_completions WHERE user_id = ?", Long.class, learner)).isZero();
    }

    private Progress progress(UUID user, UUID course) {
        return data.row("SELECT progress, status FROM enrollments WHERE user_id = ? AND course_id = ?",
                row -> new Progress(row.getBigDecimal(1), row.getString(2)), user, course);
    }

    private Enrollment enrollment(UUID user, UUID course) {
        return data.row("SELECT progress, status, completed_at FROM enrollments WHERE user_id = ? AND course_id = ?",
                row -> new Enrollment(row.getBigDecimal(1), row.getString(2), row.getObject(3, OffsetDateTime.class)),
                user, course);
    }

    private List<Completion> completions(UUID course) {
        return data.rows("SELECT user_id, completed_at, total_time_spent FROM course_completions WHERE course_id = ?",
                row -> new Completion(row.getObject(1, UUID.class), row.getObject(2, OffsetDateTime.class), row.getInt(3)),
                course);
    }

    /** Everything a retried upload could disturb. */
    private Snapshot snapshot(UUID user, UUID course) {
        return data.row("""
                SELECT e.progress, e.status, e.completed_at, e.last_accessed_at, e.updated_at,
                       (SELECT max(lp.updated_at) FROM lesson_progress lp WHERE lp.user_id = e.user_id),
                       (SELECT count(*) FROM course_completions cc WHERE cc.user_id = e.user_id),
                       (SELECT count(*) FROM sync_changes sc WHERE sc.user_id = e.user_id)
                FROM enrollments e WHERE e.user_id = ? AND e.course_id = ?""",
                row -> new Snapshot(new Enrollment(row.getBigDecimal(1), row.getString(2), row.getObject(3, OffsetDateTime.class)),
                        row.getObject(4, OffsetDateTime.class), row.getObject(5, OffsetDateTime.class),
                        row.getObject(6, OffsetDateTime.class), row.getLong(7), row.getLong(8)),
                user, course);
    }

    private record Progress(BigDecimal progress, String status) {
    }

    private record Enrollment(BigDecimal progress, String status, OffsetDateTime completedAt) {
    }

    private record Completion(UUID user, OffsetDateTime completedAt, int totalTimeSpent) {
    }

    private record Snapshot(Enrollment enrollment, OffsetDateTime lastAccessedAt, OffsetDateTime enrollmentUpdatedAt,
                            OffsetDateTime progressUpdatedAt, long completions, long changes) {
    }
}
