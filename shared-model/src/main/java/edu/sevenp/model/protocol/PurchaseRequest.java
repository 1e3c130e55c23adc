package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code POST /admin/purchases}: a completed purchase, recorded by an administrator. */
public record PurchaseRequest(UUID userId, UUID courseId, BigDecimal amount, String currency, String paymentMethod,
        OffsetDateTime expiresAt) {
}
