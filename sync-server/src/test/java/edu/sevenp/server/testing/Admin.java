package edu.sevenp.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.protocol.PlanRequest;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PurchaseRequest;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.StatusRequest;
import edu.sevenp.model.protocol.SubscriptionRequest;
import edu.sevenp.model.protocol.SubscriptionView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An administrator's calls over HTTP (docs/sync-protocol.md, section 13), each asserted to succeed. */
public final class Admin {

    private final ApiClient api;

    public Admin(Accounts.SignedIn administrator) {
        this.api = administrator.api();
    }

    public ApiClient api() {
        return api;
    }

    public PurchaseView purchase(UUID user, UUID course, String amount) {
        return created(api.post("/api/v1/admin/purchases",
                new PurchaseRequest(user, course, new BigDecimal(amount), "USD", "card", null)), PurchaseView.class);
    }

    public PurchaseView refund(UUID purchase) {
        ApiClient.Response response = api.post("/api/v1/admin/purchases/" + purchase + "/refund", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(PurchaseView.class);
    }

    public PlanView plan(String name, Integer courseLimit) {
        return created(api.post("/api/v1/admin/plans", new PlanRequest(name, new BigDecimal("9.99"), "USD", "monthly",
                courseLimit)), PlanView.class);
    }

    /** An active subscription whose period began yesterday and ends in 30 days. */
    public SubscriptionView subscribe(UUID user, UUID plan) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return created(api.post("/api/v1/admin/subscriptions", new SubscriptionRequest(user, plan, "active", now.minusDays(1),
                now.plusDays(30))), SubscriptionView.class);
    }

    public SubscriptionView subscriptionStatus(UUID subscription, String status) {
        ApiClient.Response response = api.put("/api/v1/admin/subscriptions/" + subscription + "/status", new StatusRequest(status));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(SubscriptionView.class);
    }

    private static <T> T created(ApiClient.Response response, Class<T> type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.as(type);
    }
}
