package edu.sevenp.model.protocol;

import java.math.BigDecimal;

/** {@code POST /admin/plans}. {@code courseLimit} null means unlimited. */
public record PlanRequest(String name, BigDecimal price, String currency, String billingInterval, Integer courseLimit) {
}
