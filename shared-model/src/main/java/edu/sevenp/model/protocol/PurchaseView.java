package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A course purchase. */
public record PurchaseView(UUID id, UUID userId, UUID courseId, BigDecimal amount, String currency, String status,
        OffsetDateTime purchasedAt, OffsetDateTime expiresAt) {
}
