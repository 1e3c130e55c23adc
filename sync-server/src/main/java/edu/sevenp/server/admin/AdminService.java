package edu.sevenp.server.admin;

import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.PlanRequest;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PurchaseRequest;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.RolesRequest;
import edu.sevenp.model.protocol.StatusRequest;
import edu.sevenp.model.protocol.SubscriptionRequest;
import edu.sevenp.model.protocol.SubscriptionView;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Administration (docs/sync-protocol.md, section 13), each request one transaction as the calling administrator:
 * anybody else gets 403 before anything is looked at. Values are checked here (422 with the field); the database's
 * policies and constraints stay the last word. A change of what a user is entitled to notifies their devices.
 */
public final class AdminService {

    /** The largest NUMERIC(10,2). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_COURSE_LIMIT = 1_000_000;

    private final AdminStore store;
    private final Clock clock;

    public AdminService(AdminStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code PUT /admin/users/{id}/roles}: the user holds exactly these roles afterwards. */
    public AccountView setRoles(Caller caller, UUID user, RolesRequest request) {
        return asAdmin(caller, session -> {
            List<String> names = Inputs.size(request.roles(), "roles", Roles.ALL.size() * 2);
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = Inputs.required(names.get(i), "roles[" + i + "]");
                if (!Roles.isRole(name)) {
                    throw ApiProblem.validation("roles[" + i + "]", "roles[" + i + "] must be learner, instructor or admin");
                }
                roles.add(name);
            }
            OffsetDateTime expiresAt = request.expiresAt();
            if (expiresAt != null) {
                future(expiresAt, "expiresAt");
            }
            existing(session, user);
            session.setRoles(user, roles, expiresAt);
            session.notifyDevices(user);
            return existing(session, user);
        });
    }

    /**
     * {@code PUT /admin/users/{id}/status}: suspends (and revokes every sign-in; the Authenticator refuses the
     * user's very next request) or reinstates. An administrator cannot suspend themselves.
     */
    public AccountView setStatus(Caller caller, UUID user, StatusRequest request) {
        return asAdmin(caller, session -> {
            String status = Inputs.required(request.status(), "status");
            if (!"active".equals(status) && !"suspended".equals(status)) {
                throw ApiProblem.validation("status", "status must be active or suspended");
            }
            if ("suspended".equals(status) && caller.user().value().equals(user)) {
                throw ApiProblem.validation("status", "You cannot suspend your own account.");
            }
            existing(session, user);
            session.setStatus(user, status);
            if ("suspended".equals(status)) {
                session.revokeSignIns(user);
            }
            session.notifyDevices(user);
            return existing(session, user);
        });
    }

    /**
     * {@code POST /admin/purchases}: a completed purchase of a paid course and its payment (none for an amount of
     * 0, a gift: the ledger records only amounts above 0).
     */
    public PurchaseView recordPurchase(Caller caller, PurchaseRequest request) {
        return asAdmin(caller, session -> {
            UUID user = Inputs.required(request.userId(), "userId");
            UUID course = Inputs.required(request.courseId(), "courseId");
            BigDecimal amount = amount(request.amount(), "amount");
            String currency = currency(request.currency(), "currency");
            String paymentMethod = Inputs.optionalText(request.paymentMethod(), "paymentMethod", 50);
            if (paymentMethod != null && paymentMethod.isBlank()) {
                throw ApiProblem.validation("paymentMethod", "paymentMethod must not be blank");
            }
            if (request.expiresAt() != null) {
                future(request.expiresAt(), "expiresAt");
            }
            existing(session, user);
            AdminSession.Course found = session.course(course)
                    .orElseThrow(() -> ApiProblem.notFound("There is no course " + course + "."));
            if (found.free()) {
                throw ApiProblem.validation("courseId", "Course " + course + " is free; nobody needs to buy it.");
            }
            if (session.hasLivePurchase(user, course)) {
                throw ApiProblem.validation("courseId", "User " + user + " already has a purchase of course " + course
                        + "; refund it first to record another.");
            }
            PurchaseView purchase = session.insertPurchase(user, course, amount, currency, paymentMethod, request.expiresAt());
            if (purchase.amount().signum() > 0) {
                session.recordPayment(purchase, "payment");
            }
            session.notifyDevices(user);
            return purchase;
        });
    }

    /** {@code POST /admin/purchases/{id}/refund}: a completed purchase becomes refunded, with its refund recorded. */
    public PurchaseView refund(Caller caller, UUID purchase) {
        return asAdmin(caller, session -> {
            PurchaseView found = session.lockPurchase(purchase)
                    .orElseThrow(() -> ApiProblem.notFound("There is no purchase " + purchase + "."));
            if (!"completed".equals(found.status())) {
                throw ApiProblem.validation(null, "Purchase " + purchase + " is " + found.status()
                        + "; only a completed purchase can be refunded.");
            }
            PurchaseView refunded = session.setPurchaseStatus(purchase, "refunded");
            if (refunded.amount().signum() > 0) {
                session.recordPayment(refunded, "refund");
            }
            session.notifyDevices(refunded.userId());
            return refunded;
        });
    }

    /** {@code POST /admin/plans}. */
    public PlanView createPlan(Caller caller, PlanRequest request) {
        return asAdmin(caller, session -> {
            String name = Inputs.text(request.name(), "name", 100).strip();
            BigDecimal price = amount(request.price(), "price");
            String currency = currency(request.currency(), "currency");
            String interval = Inputs.required(request.billingInterval(), "billingInterval");
            if (!"monthly".equals(interval) && !"yearly".equals(interval)) {
                throw ApiProblem.validation("billingInterval", "billingInterval must be monthly or yearly");
            }
            Integer courseLimit = Inputs.optionalRange(request.courseLimit(), "courseLimit", 1, MAX_COURSE_LIMIT);
            return session.insertPlan(name, price, currency, interval, courseLimit);
        });
    }

    /** {@code POST /admin/subscriptions}: an active or trialing subscription to an active plan. */
    public SubscriptionView createSubscription(Caller caller, SubscriptionRequest request) {
        return asAdmin(caller, session -> {
            UUID user = Inputs.required(request.userId(), "userId");
            UUID plan = Inputs.required(request.planId(), "planId");
            String status = Inputs.required(request.status(), "status");
            if (!"active".equals(status) && !"trialing".equals(status)) {
                throw ApiProblem.validation("status", "status must be active or trialing");
            }
            OffsetDateTime start = Inputs.required(request.currentPeriodStart(), "currentPeriodStart");
            OffsetDateTime end = Inputs.required(request.currentPeriodEnd(), "currentPeriodEnd");
            if (!end.isAfter(start)) {
                throw ApiProblem.validation("currentPeriodEnd", "currentPeriodEnd must be after currentPeriodStart");
            }
            existing(session, user);
            PlanView found = session.plan(plan).orElseThrow(() -> ApiProblem.notFound("There is no plan " + plan + "."));
            if (!found.isActive()) {
                throw ApiProblem.validation("planId", "Plan " + plan + " is retired; subscribe to an active plan.");
            }
            SubscriptionView subscription = session.insertSubscription(user, plan, status, start, end);
            session.notifyDevices(user);
            return subscription;
        });
    }

    /** {@code PUT /admin/subscriptions/{id}/status}: a lapsed subscription ends access to the paid courses it opened. */
    public SubscriptionView setSubscriptionStatus(Caller caller, UUID subscription, StatusRequest request) {
        return asAdmin(caller, session -> {
            String status = Inputs.required(request.status(), "status");
            if (!List.of("active", "past_due", "unpaid", "canceled").contains(status)) {
                throw ApiProblem.validation("status", "status must be active, past_due, unpaid or canceled");
            }
            SubscriptionView found = session.lockSubscription(subscription)
                    .orElseThrow(() -> ApiProblem.notFound("There is no subscription " + subscription + "."));
            SubscriptionView changed = session.setSubscriptionStatus(found.id(), status);
            session.notifyDevices(changed.userId());
            return changed;
        });
    }

    private <T> T asAdmin(Caller caller, Function<AdminSession, T> work) {
        Objects.requireNonNull(caller, "caller");
        return store.as(caller.user(), session -> {
            if (!session.callerIsAdmin()) {
                throw ApiProblem.forbidden("forbidden", "Only an administrator may do this.");
            }
            return work.apply(session);
        });
    }

    private static AccountView existing(AdminSession session, UUID user) {
        return session.account(user).orElseThrow(() -> ApiProblem.notFound("There is no user " + user + "."));
    }

    private void future(OffsetDateTime time, String field) {
        if (!time.toInstant().isAfter(clock.instant())) {
            throw ApiProblem.validation(field, field + " must be in the future");
        }
    }

    /** An amount of money: NUMERIC(10,2), not negative. */
    private static BigDecimal amount(BigDecimal value, String field) {
        Inputs.required(value, field);
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_AMOUNT) > 0) {
            throw ApiProblem.validation(field, field + " must be an amount from 0 to " + MAX_AMOUNT
                    + " with at most two decimals");
        }
        return value;
    }

    private static String currency(String value, String field) {
        Inputs.required(value, field);
        if (!CURRENCY.matcher(value).matches()) {
            throw ApiProblem.validation(field, field + " must be a currency code of three capital letters, such as USD");
        }
        return value;
    }
}
