package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.COURSE_PURCHASES;
import static edu.sevenp.server.db.schema.Tables.PAYMENT_TRANSACTIONS;
import static edu.sevenp.server.db.schema.Tables.ROLES;
import static edu.sevenp.server.db.schema.Tables.SUBSCRIPTIONS;
import static edu.sevenp.server.db.schema.Tables.SUBSCRIPTION_PLANS;
import static edu.sevenp.server.db.schema.Tables.USER_ROLES;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.SubscriptionView;
import edu.sevenp.server.admin.AdminSession;
import edu.sevenp.server.admin.AdminStore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Administration as the calling administrator: every read and write goes through row-level security, whose
 * policies let administrators manage roles, plans, subscriptions, purchases and payments, and through the
 * schema's own functions for a user's status and sign-ins.
 */
final class JooqAdminStore implements AdminStore {

    /** Who records payments made outside any payment provider. */
    private static final String PROVIDER = "manual";

    private static final List<Field<?>> PURCHASE = List.of(COURSE_PURCHASES.ID, COURSE_PURCHASES.USER_ID,
            COURSE_PURCHASES.COURSE_ID, COURSE_PURCHASES.AMOUNT, COURSE_PURCHASES.CURRENCY, COURSE_PURCHASES.STATUS,
            COURSE_PURCHASES.PAYMENT_METHOD, COURSE_PURCHASES.PURCHASED_AT, COURSE_PURCHASES.EXPIRES_AT);
    private static final List<Field<?>> PLAN = List.of(SUBSCRIPTION_PLANS.ID, SUBSCRIPTION_PLANS.NAME, SUBSCRIPTION_PLANS.PRICE,
            SUBSCRIPTION_PLANS.CURRENCY, SUBSCRIPTION_PLANS.BILLING_INTERVAL, SUBSCRIPTION_PLANS.COURSE_LIMIT,
            SUBSCRIPTION_PLANS.IS_ACTIVE);
    private static final List<Field<?>> SUBSCRIPTION = List.of(SUBSCRIPTIONS.ID, SUBSCRIPTIONS.USER_ID, SUBSCRIPTIONS.PLAN_ID,
            SUBSCRIPTIONS.STATUS, SUBSCRIPTIONS.CURRENT_PERIOD_START, SUBSCRIPTIONS.CURRENT_PERIOD_END,
            SUBSCRIPTIONS.CANCELED_AT);

    private final RequestTransactions transactions;

    JooqAdminStore(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public <T> T as(UserId caller, Function<AdminSession, T> work) {
        return transactions.as(caller, tx -> work.apply(new Session(tx, caller)));
    }

    private static PurchaseView purchaseView(Record r) {
        return new PurchaseView(r.get(COURSE_PURCHASES.ID), r.get(COURSE_PURCHASES.USER_ID), r.get(COURSE_PURCHASES.COURSE_ID),
                r.get(COURSE_PURCHASES.AMOUNT), r.get(COURSE_PURCHASES.CURRENCY), r.get(COURSE_PURCHASES.STATUS),
                r.get(COURSE_PURCHASES.PAYMENT_METHOD), r.get(COURSE_PURCHASES.PURCHASED_AT), r.get(COURSE_PURCHASES.EXPIRES_AT));
    }

    private static PlanView planView(Record r) {
        return new PlanView(r.get(SUBSCRIPTION_PLANS.ID), r.get(SUBSCRIPTION_PLANS.NAME), r.get(SUBSCRIPTION_PLANS.PRICE),
                r.get(SUBSCRIPTION_PLANS.CURRENCY), r.get(SUBSCRIPTION_PLANS.BILLING_INTERVAL),
                r.get(SUBSCRIPTION_PLANS.COURSE_LIMIT), r.get(SUBSCRIPTION_PLANS.IS_ACTIVE));
    }

    private static SubscriptionView subscriptionView(Record r) {
        return new SubscriptionView(r.get(SUBSCRIPTIONS.ID), r.get(SUBSCRIPTIONS.USER_ID), r.get(SUBSCRIPTIONS.PLAN_ID),
                r.get(SUBSCRIPTIONS.STATUS), r.get(SUBSCRIPTIONS.CURRENT_PERIOD_START), r.get(SUBSCRIPTIONS.CURRENT_PERIOD_END),
                r.get(SUBSCRIPTIONS.CANCELED_AT));
    }

    private static final class Session implements AdminSession {

        private final DSLContext tx;
        private final UserId caller;

        Session(DSLContext tx, UserId caller) {
            this.tx = tx;
            this.caller = caller;
        }

        @Override
        public boolean callerIsAdmin() {
            return tx.fetchSingle("select auth.is_admin()").get(0, Boolean.class);
        }

        @Override
        public Optional<AccountView> account(UUID user) {
            return JooqAccountStore.account(tx, user);
        }

        @Override
        public void setRoles(UUID user, Set<String> roles, OffsetDateTime expiresAt) {
            List<UUID> wanted = tx.select(ROLES.ID).from(ROLES).where(ROLES.NAME.in(roles)).fetch(ROLES.ID);
            tx.deleteFrom(USER_ROLES)
                    .where(USER_ROLES.USER_ID.eq(user))
                    .and(USER_ROLES.ROLE_ID.notIn(wanted)
                            .or(USER_ROLES.EXPIRES_AT.le(DSL.currentOffsetDateTime())))
                    .execute();
            for (UUID role : wanted) {
                tx.insertInto(USER_ROLES)
                        .set(USER_ROLES.USER_ID, user)
                        .set(USER_ROLES.ROLE_ID, role)
                        .set(USER_ROLES.ASSIGNED_BY, caller.value())
                        .set(USER_ROLES.EXPIRES_AT, expiresAt)
                        .onConflict(USER_ROLES.USER_ID, USER_ROLES.ROLE_ID).doNothing()
                        .execute();
            }
        }

        @Override
        public void setStatus(UUID user, String status) {
            tx.fetch("select admin_set_user_status({0}, {1})", DSL.val(user), DSL.val(status));
        }

        @Override
        public void revokeSignIns(UUID user) {
            tx.fetch("select auth.revoke_user_tokens({0})", DSL.val(user));
        }

        @Override
        public Optional<Course> course(UUID course) {
            return tx.select(COURSES.ID, COURSES.IS_FREE).from(COURSES).where(COURSES.ID.eq(course)).fetchOptional()
                    .map(row -> new Course(row.value1(), row.value2()));
        }

        @Override
        public boolean hasLivePurchase(UUID user, UUID course) {
            return tx.fetchExists(COURSE_PURCHASES, COURSE_PURCHASES.USER_ID.eq(user), COURSE_PURCHASES.COURSE_ID.eq(course),
                    COURSE_PURCHASES.STATUS.in("pending", "completed"));
        }

        @Override
        public PurchaseView insertPurchase(UUID user, UUID course, BigDecimal amount, String currency, String paymentMethod,
                OffsetDateTime expiresAt) {
            return purchaseView(tx.insertInto(COURSE_PURCHASES)
                    .set(COURSE_PURCHASES.ID, UUID.randomUUID())
                    .set(COURSE_PURCHASES.USER_ID, user)
                    .set(COURSE_PURCHASES.COURSE_ID, course)
                    .set(COURSE_PURCHASES.AMOUNT, amount)
                    .set(COURSE_PURCHASES.CURRENCY, currency)
                    .set(COURSE_PURCHASES.PURCHASE_TYPE, "one_time")
                    .set(COURSE_PURCHASES.STATUS, "completed")
                    .set(COURSE_PURCHASES.PAYMENT_METHOD, paymentMethod)
                    .set(COURSE_PURCHASES.EXPIRES_AT, expiresAt)
                    .returningResult(PURCHASE).fetchSingle());
        }

        @Override
        public Optional<PurchaseView> lockPurchase(UUID purchase) {
            return tx.select(PURCHASE).from(COURSE_PURCHASES).where(COURSE_PURCHASES.ID.eq(purchase)).forUpdate()
                    .fetchOptional(JooqAdminStore::purchaseView);
        }

        @Override
        public PurchaseView setPurchaseStatus(UUID purchase, String status) {
            return purchaseView(tx.update(COURSE_PURCHASES).set(COURSE_PURCHASES.STATUS, status)
                    .where(COURSE_PURCHASES.ID.eq(purchase))
                    .returningResult(PURCHASE).fetchSingle());
        }

        @Override
        public void recordPayment(PurchaseView purchase, String transactionType) {
            tx.insertInto(PAYMENT_TRANSACTIONS)
                    .set(PAYMENT_TRANSACTIONS.ID, UUID.randomUUID())
                    .set(PAYMENT_TRANSACTIONS.USER_ID, purchase.userId())
                    .set(PAYMENT_TRANSACTIONS.COURSE_PURCHASE_ID, purchase.id())
                    .set(PAYMENT_TRANSACTIONS.AMOUNT, purchase.amount())
                    .set(PAYMENT_TRANSACTIONS.CURRENCY, purchase.currency())
                    .set(PAYMENT_TRANSACTIONS.TRANSACTION_TYPE, transactionType)
                    .set(PAYMENT_TRANSACTIONS.STATUS, "completed")
                    .set(PAYMENT_TRANSACTIONS.PAYMENT_METHOD, purchase.paymentMethod())
                    .set(PAYMENT_TRANSACTIONS.PAYMENT_PROVIDER, PROVIDER)
                    .set(PAYMENT_TRANSACTIONS.METADATA, WireRows.jsonb(JsonNodeFactory.instance.objectNode()
                            .put("recordedBy", caller.value().toString())))
                    .execute();
        }

        @Override
        public PlanView insertPlan(String name, BigDecimal price, String currency, String billingInterval, Integer courseLimit) {
            return planView(tx.insertInto(SUBSCRIPTION_PLANS)
                    .set(SUBSCRIPTION_PLANS.ID, UUID.randomUUID())
                    .set(SUBSCRIPTION_PLANS.NAME, name)
                    .set(SUBSCRIPTION_PLANS.PRICE, price)
                    .set(SUBSCRIPTION_PLANS.CURRENCY, currency)
                    .set(SUBSCRIPTION_PLANS.BILLING_INTERVAL, billingInterval)
                    .set(SUBSCRIPTION_PLANS.COURSE_LIMIT, courseLimit)
                    .returningResult(PLAN).fetchSingle());
        }

        @Override
        public Optional<PlanView> plan(UUID plan) {
            return tx.select(PLAN).from(SUBSCRIPTION_PLANS).where(SUBSCRIPTION_PLANS.ID.eq(plan)).fetchOptional(JooqAdminStore::planView);
        }

        @Override
        public SubscriptionView insertSubscription(UUID user, UUID plan, String status, OffsetDateTime currentPeriodStart,
                OffsetDateTime currentPeriodEnd) {
            return subscriptionView(tx.insertInto(SUBSCRIPTIONS)
                    .set(SUBSCRIPTIONS.ID, UUID.randomUUID())
                    .set(SUBSCRIPTIONS.USER_ID, user)
                    .set(SUBSCRIPTIONS.PLAN_ID, plan)
                    .set(SUBSCRIPTIONS.STATUS, status)
                    .set(SUBSCRIPTIONS.CURRENT_PERIOD_START, currentPeriodStart)
                    .set(SUBSCRIPTIONS.CURRENT_PERIOD_END, currentPeriodEnd)
                    .returningResult(SUBSCRIPTION).fetchSingle());
        }

        @Override
        public Optional<SubscriptionView> lockSubscription(UUID subscription) {
            return tx.select(SUBSCRIPTION).from(SUBSCRIPTIONS).where(SUBSCRIPTIONS.ID.eq(subscription)).forUpdate()
                    .fetchOptional(JooqAdminStore::subscriptionView);
        }

        @Override
        public SubscriptionView setSubscriptionStatus(UUID subscription, String status) {
            Field<OffsetDateTime> canceledAt = "canceled".equals(status)
                    ? DSL.coalesce(SUBSCRIPTIONS.CANCELED_AT, DSL.currentOffsetDateTime())
                    : DSL.castNull(SUBSCRIPTIONS.CANCELED_AT.getDataType());
            return subscriptionView(tx.update(SUBSCRIPTIONS)
                    .set(SUBSCRIPTIONS.STATUS, status)
                    .set(SUBSCRIPTIONS.CANCELED_AT, canceledAt)
                    .where(SUBSCRIPTIONS.ID.eq(subscription))
                    .returningResult(SUBSCRIPTION).fetchSingle());
        }

        @Override
        public void notifyDevices(UUID user) {
            Notifications.user(tx, user);
        }
    }
}
