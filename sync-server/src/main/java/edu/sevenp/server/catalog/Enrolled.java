package edu.sevenp.server.catalog;

import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.util.Objects;

/** The learner's enrollment after {@code POST /courses/{id}/enrollment}; {@code created} when it is new. */
public record Enrolled(EnrollmentRow row, boolean created) {

    public Enrolled {
        Objects.requireNonNull(row, "row");
    }
}
