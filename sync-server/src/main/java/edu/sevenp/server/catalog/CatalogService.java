package edu.sevenp.server.catalog;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.Recommendation;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog and enrollment (docs/sync-protocol.md, section 5). Who may enroll is the database's enrollment
 * policy (auth.can_enroll); this class turns its refusal into 402 and keeps the protocol's rules on top of it:
 * nobody enrolls in an unpublished course, only a dropped enrollment comes back, and a completed one stays.
 */
public final class CatalogService {

    private final CatalogStore store;

    public CatalogService(CatalogStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public CatalogPage search(Optional<Caller> caller, CatalogQuery query) {
        return store.search(user(caller), Objects.requireNonNull(query, "query"));
    }

    public List<CategoryView> categories(Optional<Caller> caller) {
        return store.categories(user(caller));
    }

    /** Courses for the caller to take next: never one they are or were enrolled in, or teach. */
    public List<Recommendation> recommendations(Caller caller, int limit) {
        return store.recommendations(caller.user(), limit);
    }

    /** A published course, or an unpublished one to its instructor; 404 otherwise. */
    public CourseDetail course(Optional<Caller> caller, UUID course) {
        CourseFacts facts = store.course(user(caller), course)
                .filter(found -> found.published() || found.taught())
                .orElseThrow(() -> noCourse(course));
        return new CourseDetail(facts.description(), facts.outline(), facts.lessonCount(), facts.quizCount(),
                facts.downloadBytes(), access(caller.isPresent(), facts));
    }

    /**
     * {@code canEnroll} is whether enrolling would succeed (see {@link #enroll}): the caller holds an enrollment that
     * is not dropped and has access, or the enrollment policy would let them in.
     */
    static CourseDetail.Access access(boolean signedIn, CourseFacts facts) {
        if (!signedIn) {
            return new CourseDetail.Access(false, null, false, "sign_in_required");
        }
        boolean enrolled = facts.enrollment() != null && !"dropped".equals(facts.enrollment());
        boolean canEnroll = (enrolled && facts.entitled()) || facts.enrollable();
        String reason = canEnroll ? null : facts.published() ? "payment_required" : "not_published";
        return new CourseDetail.Access(facts.entitled(), facts.enrollment(), canEnroll, reason);
    }

    /**
     * Enrolls the caller in a published course, or re-activates their dropped enrollment. Any other enrollment they
     * hold is answered as it is while they have access, and is 402 when it lapsed (a refund, a subscription that
     * ended): completed and expired are the server's to set, never the learner's.
     */
    public Enrolled enroll(Caller caller, UUID course) {
        return store.enrollment(caller.user(), course, session -> {
            String status = session.courseStatus().orElseThrow(() -> noCourse(course));
            if (!"published".equals(status)) {
                throw ApiProblem.notFound("Course " + course + " is not open for enrollment.");
            }
            Optional<EnrollmentRow> current = session.lock();
            if (current.isPresent() && !"dropped".equals(current.get().status())) {
                if (!session.entitled()) {
                    throw paymentRequired(course);
                }
                return new Enrolled(current.get(), false);
            }
            Enrolled enrolled = current.isEmpty()
                    ? new Enrolled(session.insert().orElseThrow(() -> paymentRequired(course)), true)
                    : new Enrolled(session.setStatus(current.get().id(), "active").orElseThrow(() -> paymentRequired(course)),
                            false);
            session.notifyDevices();
            return enrolled;
        });
    }

    /** Drops out of an active enrollment; a dropped one is answered as it is, and a completed or expired one stays so. */
    public EnrollmentRow drop(Caller caller, UUID course) {
        return store.enrollment(caller.user(), course, session -> {
            EnrollmentRow row = session.lock()
                    .orElseThrow(() -> ApiProblem.notFound("You are not enrolled in course " + course + "."));
            switch (row.status()) {
                case "dropped" -> {
                    return row;
                }
                case "active" -> {
                    EnrollmentRow dropped = session.setStatus(row.id(), "dropped")
                            .orElseThrow(() -> new IllegalStateException("the policy refused dropping enrollment " + row.id()));
                    session.notifyDevices();
                    return dropped;
                }
                default -> throw ApiProblem.validation(null, "Your enrollment in course " + course + " is " + row.status()
                        + "; only an active enrollment can be dropped.");
            }
        });
    }

    private static Optional<UserId> user(Optional<Caller> caller) {
        return caller.map(Caller::user);
    }

    private static ApiProblem noCourse(UUID course) {
        return ApiProblem.notFound("There is no published course " + course + ".");
    }

    private static ApiProblem paymentRequired(UUID course) {
        return ApiProblem.of(ProblemKind.PAYMENT_REQUIRED, "payment_required", "Course " + course + " is not free: buy it,"
                + " or subscribe to a plan with room for it, to enroll.");
    }
}
