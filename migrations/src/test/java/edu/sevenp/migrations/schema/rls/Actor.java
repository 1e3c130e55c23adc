package edu.sevenp.migrations.schema.rls;

import java.util.Optional;

/** Who a request comes from: one of the fixture's people, or nobody (an anonymous request). */
enum Actor {
    ANONYMOUS("anonymous", null),
    LEARNER_A("learnerA", "A"),
    LEARNER_B("learnerB", "B"),
    INSTRUCTOR("instructor", "I1"),
    OTHER_INSTRUCTOR("otherInstructor", "I2"),
    ADMIN("admin", "ADM");

    private final String columnName;
    private final String userLabel;

    Actor(String columnName, String userLabel) {
        this.columnName = columnName;
        this.userLabel = userLabel;
    }

    /** The actor's heading in the access matrix. */
    String columnName() {
        return columnName;
    }

    /** The fixture label of the actor's user row; empty for an anonymous request. */
    Optional<String> userLabel() {
        return Optional.ofNullable(userLabel);
    }
}
