package edu.sevenp.server.sync;

import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrollments (docs/sync-protocol.md, section 8.5): found by (user, course); the later status change wins
 * between active and dropped, and a completed or expired enrollment stays so.
 */
final class EnrollmentMerge {

    private final EnrollmentRows enrollments;

    EnrollmentMerge(EnrollmentRows enrollments) {
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
    }

    Applied upsert(EnrollmentChange change, ChangeContext context) {
        OffsetDateTime changedAt = context.time().of(change.changedAt());
        String wanted = change.status().code();
        Optional<EnrollmentRow> stored = enrollments.lock(change.courseId().value());
        if (stored.isEmpty()) {
            if (!enrollments.courseVisible(change.courseId().value())) {
                // Told apart from not_entitled: a player keeps such a change back (a course of its own) instead.
                throw ApiProblem.of(ProblemKind.NOT_FOUND, "not_found", "Course " + change.courseId().value()
                        + " is not on this server.", "payload.courseId");
            }
            EnrollmentRow enrolled = enrollments.insert(change.id(), change.courseId().value(), changedAt);
            return change.status() == EnrollmentStatus.ACTIVE ? Applied.of("inserted", enrolled)
                    : Applied.of("inserted", enrollments.setStatus(enrolled.id(), wanted, changedAt));
        }
        EnrollmentRow row = stored.get();
        if (!decides(row, changedAt)) {
            return Applied.of("kept_newer", row);
        }
        return Applied.of("updated", enrollments.setStatus(row.id(), wanted, changedAt));
    }

    /** Whether a learner's status change made at {@code changedAt} (server time) overrides the stored status. */
    static boolean decides(EnrollmentRow stored, OffsetDateTime changedAt) {
        if ("completed".equals(stored.status()) || "expired".equals(stored.status())) {
            return false;
        }
        return stored.statusChangedAt() == null || !changedAt.isBefore(stored.statusChangedAt());
    }
}
