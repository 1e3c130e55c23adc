package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.EnrollmentRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * Whether the learner takes a course. Opening a lesson enrolls the learner (LessonService); here they
 * enroll explicitly, drop out, and rejoin a course they dropped.
 */
public final class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public EnrollmentService(EnrollmentRepository enrollments, UserId learner, Clock clock) {
        this(enrollments, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public EnrollmentService(EnrollmentRepository enrollments, Supplier<UserId> learner, Clock clock) {
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Enrolls the learner, or rejoins a course they dropped; an enrollment they have already is returned as it is. */
    public Enrollment enroll(CourseId course) {
        return enrollments.enroll(learner.get(), Objects.requireNonNull(course, "course"), Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("course.notInLibrary")));
    }

    /**
     * Drops the course. Progress is kept (and still counts if the learner comes back); dropping twice is
     * harmless.
     *
     * @throws NotFoundException the learner is not enrolled
     * @throws NotAllowedException the course is completed or the enrollment expired
     */
    public Enrollment drop(CourseId course) {
        Enrollment after = enrollments.drop(learner.get(), Objects.requireNonNull(course, "course"), Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("enrollment.none")));
        if (after.status() == EnrollmentStatus.COMPLETED) {
            throw new NotAllowedException(LearningException.WORDS.text("enrollment.completed"));
        }
        if (after.status() == EnrollmentStatus.EXPIRED) {
            throw new NotAllowedException(LearningException.WORDS.text("enrollment.expired"));
        }
        return after;
    }

    public Optional<Enrollment> enrollment(CourseId course) {
        return enrollments.find(learner.get(), Objects.requireNonNull(course, "course"));
    }

    /** Every enrollment, most recently studied first. */
    public List<Enrollment> enrollments() {
        return enrollments.forUser(learner.get());
    }
}
