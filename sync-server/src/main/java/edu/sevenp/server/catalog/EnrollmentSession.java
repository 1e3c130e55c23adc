package edu.sevenp.server.catalog;

import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.util.Optional;
import java.util.UUID;

/** One transaction as a learner about their enrollment in one course (implemented in server.db). */
public interface EnrollmentSession {

    /** The course's status, or empty when the learner may not see the course. */
    Optional<String> courseStatus();

    /** The learner's enrollment in the course, locked until the transaction ends. */
    Optional<EnrollmentRow> lock();

    /** Whether the course's content is open to the learner now. */
    boolean entitled();

    /**
     * Enrolls the learner (status active, status changed now); empty when the enrollment policy refuses
     * (auth.can_enroll: a paid course without a purchase or a subscription with room).
     */
    Optional<EnrollmentRow> insert();

    /** Sets the status (status changed now); empty when the enrollment policy refuses. */
    Optional<EnrollmentRow> setStatus(UUID enrollment, String status);

    /** Tells the learner's connected devices, when the transaction commits, that they have something to pull. */
    void notifyDevices();
}
