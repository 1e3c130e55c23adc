package edu.sevenp.server.admin;

import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.SubscriptionView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One transaction of an administrator's request (implemented in server.db, as the administrator). */
public interface AdminSession {

    /** Whether the caller holds the admin role now (auth.is_admin()). */
    boolean callerIsAdmin();

    /** A user's account with their active roles; empty for an unknown user. */
    Optional<AccountView> account(UUID user);

    /**
     * Makes the user hold exactly {@code roles}: grants of other roles and expired grants go, missing grants are
     * made (signed by the caller, expiring at {@code expiresAt} or never), unexpired grants stay as they are.
     */
    void setRoles(UUID user, Set<String> roles, OffsetDateTime expiresAt);

    /** admin_set_user_status(). */
    void setStatus(UUID user, String status);

    /** Revokes every refresh token of the user (auth.revoke_user_tokens()). */
    void revokeSignIns(UUID user);

    /** A course by id; empty for an unknown one. */
    Optional<Course> course(UUID course);

    /** @param free whether the course is free (a purchase of it makes no sense) */
    record Course(UUID id, boolean free) {
    }

    /** Whether the user has a pending or completed purchase of the course (one may be live at a time). */
    boolean hasLivePurchase(UUID user, UUID course);

    /** Records a completed purchase. */
    PurchaseView insertPurchase(UUID user, UUID course, BigDecimal amount, String currency, String paymentMethod,
            OffsetDateTime expiresAt);

    /** A purchase, locked until the transaction ends; empty for an unknown one. */
    Optional<PurchaseView> lockPurchase(UUID purchase);

    PurchaseView setPurchaseStatus(UUID purchase, String status);

    /** Records a completed payment transaction ({@code payment} or {@code refund}) of a purchase. */
    void recordPayment(PurchaseView purchase, String transactionType);

    PlanView insertPlan(String name, BigDecimal price, String currency, String billingInterval, Integer courseLimit);

    /** A plan, active or not; empty for an unknown one. */
    Optional<PlanView> plan(UUID plan);

    SubscriptionView insertSubscription(UUID user, UUID plan, String status, OffsetDateTime currentPeriodStart,
            OffsetDateTime currentPeriodEnd);

    /** A subscription, locked until the transaction ends; empty for an unknown one. */
    Optional<SubscriptionView> lockSubscription(UUID subscription);

    /** Sets the status; {@code canceledAt} is now for {@code canceled}, cleared otherwise. */
    SubscriptionView setSubscriptionStatus(UUID subscription, String status);

    /** Tells the user's connected devices, when the transaction commits, that they have something to pull. */
    void notifyDevices(UUID user);
}
