package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A course purchase. {@code status} is {@code completed} or {@code refunded} for those an administrator records. */
public record PurchaseView(UUID id, UUID userId, UUID courseId, BigDecimal amount, String currency, String status,
        String paymentMethod, OffsetDateTime purchasedAt, OffsetDateTime expiresAt) {
}
