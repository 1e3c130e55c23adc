package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;

import edu.sevenp.desktop.store.schema.tables.records.LessonProgressRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.sync.LessonProgressChange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A learner's progress in lessons (lesson_progress). Each write merges the observation into the row the
 * way the server merges the change (principle 7: completed stays completed, the percentage takes the
 * furthest, the position the latest, time spent adds up), rolls the course up (CourseRollUp) and queues the
 * change with its time delta, all in one transaction.
 */
public final class LessonProgressRepository {

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;
    private final Clock clock;

    LessonProgressRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records one observation of {@code user} in {@code lesson}. An observation that changes nothing (a
     * completed lesson completed again, with no time spent) writes nothing and queues nothing.
     *
     * @return empty when the library has no such lesson
     */
    public Optional<RolledUpProgress> record(UserId user, LessonId lesson, ProgressEntry entry) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(entry, "entry");
        return writes.run("progress", tx -> write(tx, user.value(), lesson.value(), entry));
    }

    public Optional<LessonProgress> find(UserId user, LessonId lesson) {
        return dsl.selectFrom(LESSON_PROGRESS)
                .where(LESSON_PROGRESS.USER_ID.eq(user.value()), LESSON_PROGRESS.LESSON_ID.eq(lesson.value()))
                .fetchOptional(Rows::progress);
    }

    /** The status of every lesson of the course the learner has opened; lessons not in the map are not started. */
    public Map<LessonId, ProgressStatus> statuses(UserId user, CourseId course) {
        return dsl.select(LESSON_PROGRESS.LESSON_ID, LESSON_PROGRESS.STATUS)
                .from(LESSON_PROGRESS)
                .where(LESSON_PROGRESS.USER_ID.eq(user.value()), LESSON_PROGRESS.COURSE_ID.eq(course.value()))
                .fetch()
                .stream()
                .collect(Collectors.toMap(row -> new LessonId(row.value1()), row -> ProgressStatus.fromCode(row.value2())));
    }

    private Optional<RolledUpProgress> write(DSLContext tx, UUID user, UUID lesson, ProgressEntry entry) {
        Optional<UUID> lessonsCourse = CourseRepository.courseOfLesson(tx, lesson);
        if (lessonsCourse.isEmpty()) {
            return Optional.empty();
        }
        UUID course = lessonsCourse.get();
        OffsetDateTime now = Rows.now(clock);
        LessonProgressRecord row = tx.selectFrom(LESSON_PROGRESS)
                .where(LESSON_PROGRESS.USER_ID.eq(user), LESSON_PROGRESS.LESSON_ID.eq(lesson))
                .forUpdate()
                .fetchOne();
        boolean isNew = row == null;
        if (isNew) {
            row = tx.newRecord(LESSON_PROGRESS);
            row.setId(UUID.randomUUID());
            row.setUserId(user);
            row.setLessonId(lesson);
            row.setCourseId(course);
            row.setProgressPercentage(BigDecimal.ZERO.setScale(2));
            row.setLastPosition(0);
            row.setTotalTimeSpent(0);
            row.setCreatedAt(now);
        }
        boolean wasDone = CourseRollUp.COMPLETED.equals(row.getStatus());
        boolean isDone = wasDone || entry.complete();
        merge(row, entry, isNew, isDone);
        if (!isNew && !row.changed() && entry.secondsSpent() == 0) {
            // Nothing to store or queue. The server's trigger still runs on an update that changes nothing,
            // and moves the enrollment's last access up to the row's (which an enrollment made after the
            // row has not seen); so does this.
            CourseRollUp.afterProgressWrite(tx, user, course, wasDone, isDone, row.getLastAccessedAt(), now);
            return Optional.of(result(tx, row, false));
        }
        row.setUpdatedAt(now);
        row.store();
        boolean completedCourse = CourseRollUp.afterProgressWrite(tx, user, course, wasDone, isDone,
                row.getLastAccessedAt(), now);
        LessonProgress progress = Rows.progress(row);
        // The position and last access are this observation's, on this device's clock, for the server to convert
        // and merge. The row's may be server times (a pulled row): a device behind the server would send the
        // stored position again as the latest, and the server would prefer it to a newer one from another device.
        outbox.append(tx, new LessonProgressChange(row.getId(), progress.userId(), progress.lessonId(),
                progress.courseId(), progress.status(), progress.percentage(),
                entry.position() != null ? entry.position() : progress.lastPosition(), entry.secondsSpent(),
                progress.startedAt(), progress.completedAt(), entry.at()));
        return Optional.of(result(tx, row, completedCourse));
    }

    /** The monotonic merge of principle 7, the same rule the server applies to the queued change. */
    private static void merge(LessonProgressRecord row, ProgressEntry entry, boolean isNew, boolean isDone) {
        OffsetDateTime at = entry.at();
        boolean latest = isNew || !at.isBefore(row.getLastAccessedAt());
        setIfDifferent(row, LESSON_PROGRESS.STATUS, isDone ? CourseRollUp.COMPLETED : ProgressStatus.IN_PROGRESS.code());
        BigDecimal percentage = isDone ? HUNDRED
                : entry.percentage() == null ? row.getProgressPercentage() : row.getProgressPercentage().max(entry.percentage());
        if (percentage.compareTo(row.getProgressPercentage()) != 0) {
            row.setProgressPercentage(percentage);
        }
        if (latest && entry.position() != null) {
            setIfDifferent(row, LESSON_PROGRESS.LAST_POSITION, entry.position());
        }
        if (entry.secondsSpent() > 0) {
            row.setTotalTimeSpent(Math.addExact(row.getTotalTimeSpent(), entry.secondsSpent()));
        }
        setTime(row, LESSON_PROGRESS.STARTED_AT, CourseRollUp.earliest(row.getStartedAt(), at));
        if (isDone && row.getCompletedAt() == null) {
            row.setCompletedAt(at);
        }
        setTime(row, LESSON_PROGRESS.LAST_ACCESSED_AT, CourseRollUp.latest(row.getLastAccessedAt(), at));
    }

    private static <T> void setIfDifferent(LessonProgressRecord row, Field<T> field, T value) {
        if (!Objects.equals(row.get(field), value)) {
            row.set(field, value);
        }
    }

    /** Sets a time only when it is another instant (H2 hands times back in the offset they were written in). */
    private static void setTime(LessonProgressRecord row, Field<OffsetDateTime> field, OffsetDateTime value) {
        OffsetDateTime current = row.get(field);
        if (current == null ? value != null : value == null || !current.isEqual(value)) {
            row.set(field, value);
        }
    }

    private static RolledUpProgress result(DSLContext tx, LessonProgressRecord row, boolean completedCourse) {
        return new RolledUpProgress(Rows.progress(row),
                tx.selectFrom(ENROLLMENTS)
                        .where(ENROLLMENTS.USER_ID.eq(row.getUserId()), ENROLLMENTS.COURSE_ID.eq(row.getCourseId()))
                        .fetchOptional(Rows::enrollment),
                completedCourse);
    }
}
