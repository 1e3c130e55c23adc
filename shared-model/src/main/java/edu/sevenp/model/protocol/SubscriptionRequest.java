package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code POST /admin/subscriptions}. */
public record SubscriptionRequest(UUID userId, UUID planId, String status, OffsetDateTime currentPeriodStart,
        OffsetDateTime currentPeriodEnd) {
}
