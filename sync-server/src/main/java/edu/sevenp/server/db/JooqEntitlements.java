package edu.sevenp.server.db;

import edu.sevenp.model.UserId;
import edu.sevenp.server.events.Entitlements;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The schema's own entitlement rule, auth.accessible_course_ids(), asked as the user. */
final class JooqEntitlements implements Entitlements {

    private final RequestTransactions transactions;

    JooqEntitlements(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Set<UUID> entitledCourses(UserId user) {
        UUID[] ids = transactions.as(user, tx -> tx.fetchSingle("select auth.accessible_course_ids()").get(0, UUID[].class));
        return ids == null ? Set.of() : Set.copyOf(List.of(ids));
    }
}
