package edu.sevenp.desktop.learning;

import edu.sevenp.model.UserId;
import java.util.Objects;
import java.util.function.Supplier;

/** The learner a service acts for: fixed, or read at each call (a profile signing in becomes its account's learner). */
final class Learners {

    private Learners() {
    }

    static Supplier<UserId> fixed(UserId learner) {
        Objects.requireNonNull(learner, "learner");
        return () -> learner;
    }
}
