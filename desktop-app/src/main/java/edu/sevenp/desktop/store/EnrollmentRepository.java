package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;

import edu.sevenp.desktop.store.schema.tables.records.EnrollmentsRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.sync.EnrollmentChange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A learner's enrollments (enrollments). The learner enrolls, drops out and rejoins; progress and
 * completion are the roll-up's (CourseRollUp). Each change is queued with the enrollment, in one
 * transaction; a request that changes nothing queues nothing.
 */
public final class EnrollmentRepository {

    private static final String ACTIVE = EnrollmentStatus.ACTIVE.code();
    private static final String DROPPED = EnrollmentStatus.DROPPED.code();

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;
    private final Clock clock;

    EnrollmentRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<Enrollment> find(UserId user, CourseId course) {
        return find(dsl, user.value(), course.value()).map(Rows::enrollment);
    }

    /** Every enrollment of the learner, most recently studied first (never-opened ones last). */
    public List<Enrollment> forUser(UserId user) {
        return dsl.selectFrom(ENROLLMENTS)
                .where(ENROLLMENTS.USER_ID.eq(user.value()))
                .orderBy(ENROLLMENTS.LAST_ACCESSED_AT.desc().nullsLast(), ENROLLMENTS.ENROLLED_AT.desc(),
                        ENROLLMENTS.COURSE_ID)
                .fetch(Rows::enrollment);
    }

    /**
     * Enrolls the learner (taking progress from lessons already studied), or rejoins a dropped enrollment.
     * An active, completed or expired enrollment is left as it is.
     *
     * @return the enrollment afterwards; empty when the library has no such course
     */
    public Optional<Enrollment> enroll(UserId user, CourseId course, OffsetDateTime at) {
        return writes.run("enroll", tx -> enroll(tx, user.value(), course.value(), at, true));
    }

    /** Enrolls the learner unless they have an enrollment in the course already, whatever its status. */
    public Optional<Enrollment> ensureEnrolled(UserId user, CourseId course, OffsetDateTime at) {
        Optional<EnrollmentsRecord> existing = find(dsl, user.value(), course.value());
        if (existing.isPresent()) {
            return existing.map(Rows::enrollment);
        }
        return writes.run("enroll", tx -> enroll(tx, user.value(), course.value(), at, false));
    }

    /**
     * Drops an active enrollment. A completed, expired or dropped one is left as it is.
     *
     * @return the enrollment afterwards; empty when the learner is not enrolled
     */
    public Optional<Enrollment> drop(UserId user, CourseId course, OffsetDateTime at) {
        return writes.run("drop", tx -> {
            Optional<EnrollmentsRecord> found = find(tx, user.value(), course.value());
            found.filter(row -> ACTIVE.equals(row.getStatus())).ifPresent(row -> changeStatus(tx, row, DROPPED, at));
            return found.map(Rows::enrollment);
        });
    }

    private Optional<Enrollment> enroll(DSLContext tx, UUID user, UUID course, OffsetDateTime at, boolean rejoin) {
        Optional<EnrollmentsRecord> existing = find(tx, user, course);
        if (existing.isPresent()) {
            EnrollmentsRecord row = existing.get();
            if (rejoin && DROPPED.equals(row.getStatus())) {
                changeStatus(tx, row, ACTIVE, at);
            }
            return Optional.of(Rows.enrollment(row));
        }
        if (!tx.fetchExists(COURSES, COURSES.ID.eq(course))) {
            return Optional.empty();
        }
        OffsetDateTime now = Rows.now(clock);
        UUID id = UUID.randomUUID();
        tx.insertInto(ENROLLMENTS)
                .set(ENROLLMENTS.ID, id)
                .set(ENROLLMENTS.USER_ID, user)
                .set(ENROLLMENTS.COURSE_ID, course)
                .set(ENROLLMENTS.STATUS, ACTIVE)
                .set(ENROLLMENTS.ENROLLED_AT, at)
                .set(ENROLLMENTS.PROGRESS, BigDecimal.ZERO)
                .set(ENROLLMENTS.UPDATED_AT, now)
                .execute();
        // roll_up_enrollment: a new enrollment takes its progress from the lessons already studied.
        CourseRollUp.refresh(tx, user, course, null, now);
        outbox.append(tx, new EnrollmentChange(id, new UserId(user), new CourseId(course), EnrollmentStatus.ACTIVE, at, at));
        return find(tx, user, course).map(Rows::enrollment);
    }

    private void changeStatus(DSLContext tx, EnrollmentsRecord row, String status, OffsetDateTime at) {
        row.setStatus(status);
        row.setUpdatedAt(Rows.now(clock));
        row.store();
        outbox.append(tx, new EnrollmentChange(row.getId(), new UserId(row.getUserId()), new CourseId(row.getCourseId()),
                EnrollmentStatus.fromCode(status), row.getEnrolledAt(), at));
    }

    private static Optional<EnrollmentsRecord> find(DSLContext context, UUID user, UUID course) {
        return context.selectFrom(ENROLLMENTS)
                .where(ENROLLMENTS.USER_ID.eq(user), ENROLLMENTS.COURSE_ID.eq(course))
                .fetchOptional();
    }
}
