package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import edu.sevenp.desktop.store.schema.tables.records.EnrollmentsRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * The server's progress roll-up (V12__create_triggers.sql: {@code roll_up_lesson_progress},
 * {@code refresh_enrollment_progress}, {@code roll_up_enrollment}, {@code roll_up_lesson_changes}) run
 * inside the device's own write transactions, so the device shows what the server will compute.
 * ProgressCrossCheckIT runs one fixture through both and compares them.
 *
 * <ul>
 *   <li>After a progress row is written: when it became or stopped being completed (including a row
 *       written completed at once) the learner's enrollment in the course is recomputed; otherwise only the
 *       enrollment's last access moves forward to the row's, never back.</li>
 *   <li>Recomputing: progress = {@link ProgressRule}; an enrollment whose every lesson is completed becomes
 *       completed (whatever its status, dropped included), dated when the learner finished the last lesson
 *       (never in the future), and gets exactly one completion with the time spent on the course's lessons.
 *       A completed enrollment stays completed. An enrollment that is already right is not written.</li>
 *   <li>Progress without an enrollment rolls up nothing; a new enrollment takes its progress from the rows
 *       already there (without moving its last access).</li>
 *   <li>Lessons added to or removed from a course recompute every enrollment in it.</li>
 * </ul>
 */
final class CourseRollUp {

    static final String COMPLETED = "completed";

    private CourseRollUp() {
    }

    /**
     * After one lesson_progress row of ({@code user}, {@code course}) was inserted or updated.
     *
     * @param wasDone the row was completed before (false for a new row)
     * @return whether the write completed the course
     */
    static boolean afterProgressWrite(DSLContext tx, UUID user, UUID course, boolean wasDone, boolean isDone,
            OffsetDateTime lastAccessedAt, OffsetDateTime now) {
        if (wasDone != isDone) {
            return refresh(tx, user, course, lastAccessedAt, now);
        }
        tx.update(ENROLLMENTS)
                .set(ENROLLMENTS.LAST_ACCESSED_AT, lastAccessedAt)
                .set(ENROLLMENTS.UPDATED_AT, now)
                .where(ENROLLMENTS.USER_ID.eq(user), ENROLLMENTS.COURSE_ID.eq(course),
                        ENROLLMENTS.LAST_ACCESSED_AT.isNull().or(ENROLLMENTS.LAST_ACCESSED_AT.lt(lastAccessedAt)))
                .execute();
        return false;
    }

    /**
     * Recomputes the learner's enrollment in the course, if there is one.
     *
     * @param accessedAt moves the last access forward to it; null leaves the last access alone
     * @return whether this completed the course
     */
    static boolean refresh(DSLContext tx, UUID user, UUID course, OffsetDateTime accessedAt, OffsetDateTime now) {
        EnrollmentsRecord enrollment = tx.selectFrom(ENROLLMENTS)
                .where(ENROLLMENTS.USER_ID.eq(user), ENROLLMENTS.COURSE_ID.eq(course))
                .forUpdate()
                .fetchOne();
        return enrollment != null && refresh(tx, enrollment, accessedAt, now);
    }

    /** Recomputes every enrollment in the course: after lessons were added to it or removed from it. */
    static void refreshCourse(DSLContext tx, UUID course, OffsetDateTime now) {
        for (EnrollmentsRecord enrollment : tx.selectFrom(ENROLLMENTS).where(ENROLLMENTS.COURSE_ID.eq(course))
                .orderBy(ENROLLMENTS.ID).forUpdate().fetch()) {
            refresh(tx, enrollment, null, now);
        }
    }

    private static boolean refresh(DSLContext tx, EnrollmentsRecord enrollment, OffsetDateTime accessedAt,
            OffsetDateTime now) {
        UUID user = enrollment.getUserId();
        UUID course = enrollment.getCourseId();
        int lessons = tx.fetchCount(COURSE_LESSONS, COURSE_LESSONS.COURSE_ID.eq(course));
        Condition done = LESSON_PROGRESS.STATUS.eq(COMPLETED);
        Record3<Integer, OffsetDateTime, BigDecimal> counted = tx
                .select(count().filterWhere(done), max(LESSON_PROGRESS.COMPLETED_AT).filterWhere(done),
                        coalesce(sum(LESSON_PROGRESS.TOTAL_TIME_SPENT), BigDecimal.ZERO))
                .from(LESSON_PROGRESS)
                .where(LESSON_PROGRESS.USER_ID.eq(user), LESSON_PROGRESS.COURSE_ID.eq(course))
                .fetchSingle();
        int completed = counted.value1();
        BigDecimal progress = ProgressRule.percentage(completed, lessons);
        boolean allDone = ProgressRule.complete(completed, lessons);
        boolean completes = allDone && !COMPLETED.equals(enrollment.getStatus());
        OffsetDateTime lastAccess = latest(enrollment.getLastAccessedAt(), accessedAt);
        boolean accessMoves = !sameInstant(enrollment.getLastAccessedAt(), lastAccess);
        if (enrollment.getProgress().compareTo(progress) == 0 && !completes && !accessMoves) {
            return false;
        }
        // When the learner finished: the latest completion among the course's lessons, never in the future.
        OffsetDateTime finishedAt = completes ? earliest(counted.value2(), now) : null;
        tx.update(ENROLLMENTS)
                .set(ENROLLMENTS.PROGRESS, progress)
                .set(ENROLLMENTS.LAST_ACCESSED_AT, lastAccess)
                .set(ENROLLMENTS.STATUS, allDone ? COMPLETED : enrollment.getStatus())
                .set(ENROLLMENTS.COMPLETED_AT, completes ? finishedAt : enrollment.getCompletedAt())
                .set(ENROLLMENTS.UPDATED_AT, now)
                .where(ENROLLMENTS.ID.eq(enrollment.getId()))
                .execute();
        if (completes && !tx.fetchExists(COURSE_COMPLETIONS,
                COURSE_COMPLETIONS.USER_ID.eq(user).and(COURSE_COMPLETIONS.COURSE_ID.eq(course)))) {
            tx.insertInto(COURSE_COMPLETIONS)
                    .set(COURSE_COMPLETIONS.ID, UUID.randomUUID())
                    .set(COURSE_COMPLETIONS.USER_ID, user)
                    .set(COURSE_COMPLETIONS.COURSE_ID, course)
                    .set(COURSE_COMPLETIONS.COMPLETED_AT, finishedAt)
                    .set(COURSE_COMPLETIONS.TOTAL_TIME_SPENT, counted.value3().intValueExact())
                    .set(COURSE_COMPLETIONS.UPDATED_AT, now)
                    .execute();
        }
        return completes;
    }

    /** PostgreSQL's greatest(): the later of two times, ignoring a null. */
    static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /** PostgreSQL's least(): the earlier of two times, ignoring a null. */
    static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }
}
