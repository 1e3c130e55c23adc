package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscription. */
public record SubscriptionView(UUID id, UUID userId, UUID planId, String status, OffsetDateTime currentPeriodStart,
        OffsetDateTime currentPeriodEnd) {
}
