package edu.sevenp.model.protocol;

import java.math.BigDecimal;
import java.util.UUID;

/** A subscription plan. */
public record PlanView(UUID id, String name, BigDecimal price, String currency, String billingInterval,
        Integer courseLimit, boolean isActive) {
}
