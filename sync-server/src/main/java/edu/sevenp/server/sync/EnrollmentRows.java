package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The user's enrollments, found by (user, course). */
public interface EnrollmentRows {

    Optional<EnrollmentRow> lock(UUID courseId);

    /** Whether the user can see the course (row-level security): a published one, or one they teach. */
    boolean courseVisible(UUID courseId);

    /** The enrollment as it stands, without locking it (what a roll-up trigger just wrote). */
    Optional<EnrollmentRow> find(UUID courseId);

    /** Enrolls the user (status active); refused by row-level security where the user may not enroll. */
    EnrollmentRow insert(UUID id, UUID courseId, OffsetDateTime statusChangedAt);

    EnrollmentRow setStatus(UUID id, String status, OffsetDateTime statusChangedAt);
}
