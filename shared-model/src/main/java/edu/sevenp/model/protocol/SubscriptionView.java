package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscription. {@code canceledAt} is set while the status is {@code canceled}. */
public record SubscriptionView(UUID id, UUID userId, UUID planId, String status, OffsetDateTime currentPeriodStart,
        OffsetDateTime currentPeriodEnd, OffsetDateTime canceledAt) {
}
