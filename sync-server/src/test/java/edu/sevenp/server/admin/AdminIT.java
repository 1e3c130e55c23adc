package edu.sevenp.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.PlanRequest;
import edu.sevenp.model.protocol.PlanView;
import edu.sevenp.model.protocol.PurchaseRequest;
import edu.sevenp.model.protocol.PurchaseView;
import edu.sevenp.model.protocol.RefreshRequest;
import edu.sevenp.model.protocol.RolesRequest;
import edu.sevenp.model.protocol.StatusRequest;
import edu.sevenp.model.protocol.SubscriptionRequest;
import edu.sevenp.model.protocol.SubscriptionView;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Admin;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Administration over real HTTP (docs/sync-protocol.md, section 13), as an administrator and as everyone else. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private DataSource superuser;
    private Accounts.SignedIn administrator;
    private ApiClient api;
    private Admin admin;
    private UUID teacher;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        superuser = database.superuser();
        administrator = accounts.admin("Administrator");
        api = administrator.api();
        admin = new Admin(administrator);
        teacher = accounts.instructor("Teacher").user();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void rolesAreSetExactlyAndReplaced() {
        Accounts.SignedIn user = accounts.learner("Rui");

        Response added = api.put(roles(user.user()), new RolesRequest(List.of("learner", "instructor"), null));
        Response replaced = api.put(roles(user.user()), new RolesRequest(List.of("instructor", "instructor"), null));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.as(AccountView.class).roles()).containsExactly("instructor", "learner");
        assertThat(replaced.as(AccountView.class).roles()).containsExactly("instructor");
        assertThat(user.api().get("/api/v1/me").as(AccountView.class).roles()).containsExactly("instructor");
        assertThat(value("SELECT assigned_by FROM user_roles WHERE user_id = ?", user.user()))
                .isEqualTo(administrator.user().toString());
    }

    @Test
    void anExpiringGrantEndsAndAnExpiredOneIsRenewedBySettingItAgain() {
        Accounts.SignedIn user = accounts.learner("Sol");
        api.put(roles(user.user()), new RolesRequest(List.of("learner", "instructor"), NOW.plusDays(30)));
        catalog.execute("UPDATE user_roles SET assigned_at = now() - interval '2 days', expires_at = now() - interval '1 day'"
                + " WHERE user_id = ?", user.user());

        assertThat(user.api().get("/api/v1/me").as(AccountView.class).roles()).isEmpty();

        Response renewed = api.put(roles(user.user()), new RolesRequest(List.of("learner"), null));

        assertThat(renewed.as(AccountView.class).roles()).containsExactly("learner");
        assertThat(value("SELECT count(*) FROM user_roles WHERE user_id = ?", user.user())).isEqualTo("1");
    }

    @Test
    void rolesRefuseWhatIsNotARole() {
        UUID user = accounts.learner("Tom").user();

        assertProblem(api.put(roles(user), new RolesRequest(List.of("learner", "superuser"), null)), 422, "validation_failed",
                "roles[1]");
        assertProblem(api.put(roles(user), Map.of("expiresAt", NOW.plusDays(1))), 400, "missing_field", "roles");
        assertProblem(api.put(roles(user), new RolesRequest(List.of("learner"), NOW.minusDays(1))), 422, "validation_failed",
                "expiresAt");
        assertProblem(api.put(roles(UUID.randomUUID()), new RolesRequest(List.of("learner"), null)), 404, "not_found", null);
        assertProblem(api.put(roles(user), "{\"roles\": [\"learner\"], \"role\": \"admin\"}"), 400, "unknown_field", "role");
        assertProblem(api.put(roles(user), "{\"roles\": \"admin\"}"), 400, "invalid_field", "roles");
        assertProblem(api.put(roles(user), "{\"roles\": [\"learner\""), 400, "malformed_json", null);
    }

    @Test
    void everyoneButAnAdministratorIsRefused() {
        Accounts.SignedIn learner = accounts.learner("Uma");
        ApiClient signedIn = learner.api();
        UUID someone = accounts.learner("Vic").user();

        List<Response> answers = List.of(
                signedIn.put(roles(learner.user()), new RolesRequest(List.of("admin"), null)),
                signedIn.put("/api/v1/admin/users/" + someone + "/status", new StatusRequest("suspended")),
                signedIn.post("/api/v1/admin/purchases", new PurchaseRequest(learner.user(), UUID.randomUUID(),
                        BigDecimal.TEN, "USD", null, null)),
                signedIn.post("/api/v1/admin/purchases/" + UUID.randomUUID() + "/refund", ""),
                signedIn.post("/api/v1/admin/plans", new PlanRequest("Free for me", BigDecimal.ZERO, "USD", "monthly", null)),
                signedIn.post("/api/v1/admin/subscriptions", new SubscriptionRequest(learner.user(), UUID.randomUUID(), "active",
                        NOW, NOW.plusDays(1))),
                signedIn.put("/api/v1/admin/subscriptions/" + UUID.randomUUID() + "/status", new StatusRequest("active")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.error()).isEqualTo("forbidden");
        });
        assertThat(learner.api().get("/api/v1/me").as(AccountView.class).roles()).containsExactly("learner");
        Response anonymous = server.client().put(roles(someone), new RolesRequest(List.of("admin"), null));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error()).isEqualTo("unauthenticated");
    }

    @Test
    void aSuspendedUsersVeryNextRequestFailsAndReinstatementRestoresIt() {
        Accounts.SignedIn learner = accounts.learner("Wes");
        assertThat(learner.api().get("/api/v1/me").status()).isEqualTo(200);

        Response suspended = api.put(status(learner.user()), new StatusRequest("suspended"));
        Response next = learner.api().get("/api/v1/me");
        Response refresh = server.client().post("/api/v1/auth/refresh", new RefreshRequest(learner.grant().refreshToken()));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.as(AccountView.class).status()).isEqualTo("suspended");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error()).isEqualTo("account_suspended");
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(value("SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", learner.user()))
                .isEqualTo("0");

        Response reinstated = api.put(status(learner.user()), new StatusRequest("active"));

        assertThat(reinstated.as(AccountView.class).status()).isEqualTo("active");
        assertThat(learner.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void statusRefusesOtherValuesUnknownUsersAndSuspendingOneself() {
        UUID user = accounts.learner("Xia").user();

        assertProblem(api.put(status(user), new StatusRequest("deleted")), 422, "validation_failed", "status");
        assertProblem(api.put(status(user), "{}"), 400, "missing_field", "status");
        assertProblem(api.put(status(UUID.randomUUID()), new StatusRequest("suspended")), 404, "not_found", null);
        assertProblem(api.put(status(administrator.user()), new StatusRequest("suspended")), 422, "validation_failed", "status");
        assertProblem(api.put("/api/v1/admin/users/not-a-uuid/status", new StatusRequest("active")), 400, "invalid_parameter",
                "id");
        assertProblem(api.put("/api/v1/admin/users/" + "x%27%20OR%201%3D1--" + "/status", new StatusRequest("active")), 400,
                "invalid_parameter", "id");
    }

    @Test
    void aPurchaseAndItsRefundAreRecordedWithTheirPayments() {
        UUID learner = accounts.learner("Yan").user();
        UUID course = catalog.paidCourse(teacher, "ledger", 1, new BigDecimal("25.00")).id();

        PurchaseView purchase = admin.purchase(learner, course, "25.00");
        PurchaseView refunded = admin.refund(purchase.id());

        assertThat(purchase.userId()).isEqualTo(learner);
        assertThat(purchase.amount()).isEqualByComparingTo("25.00");
        assertThat(purchase.paymentMethod()).isEqualTo("card");
        assertThat(refunded.status()).isEqualTo("refunded");
        assertThat(rows("SELECT transaction_type || ' ' || amount || ' ' || status || ' ' || payment_provider"
                + " FROM payment_transactions WHERE course_purchase_id = ? ORDER BY created_at, transaction_type DESC", purchase.id()))
                .containsExactly("payment 25.00 completed manual", "refund 25.00 completed manual");
        assertProblem(api.post("/api/v1/admin/purchases/" + purchase.id() + "/refund", ""), 422, "validation_failed", null);
        assertProblem(api.post("/api/v1/admin/purchases/" + UUID.randomUUID() + "/refund", ""), 404, "not_found", null);
        // Refunded, the course may be bought again.
        assertThat(admin.purchase(learner, course, "20.00").status()).isEqualTo("completed");
    }

    @Test
    void aPurchaseRefusesUnknownIdsFreeCoursesASecondPurchaseAndBadValues() {
        UUID learner = accounts.learner("Zoe").user();
        UUID paid = catalog.paidCourse(teacher, "purchase-rules", 1, new BigDecimal("25.00")).id();
        UUID free = catalog.freeCourse(teacher, "purchase-free", 1).id();
        admin.purchase(learner, paid, "25.00");

        assertProblem(purchase(UUID.randomUUID(), paid, "25.00", "USD"), 404, "not_found", null);
        assertProblem(purchase(learner, UUID.randomUUID(), "25.00", "USD"), 404, "not_found", null);
        assertProblem(purchase(learner, free, "0", "USD"), 422, "validation_failed", "courseId");
        assertProblem(purchase(learner, paid, "25.00", "USD"), 422, "validation_failed", "courseId");
        UUID other = catalog.paidCourse(teacher, "purchase-values", 1, new BigDecimal("25.00")).id();
        assertProblem(purchase(learner, other, "-1", "USD"), 422, "validation_failed", "amount");
        assertProblem(purchase(learner, other, "1.234", "USD"), 422, "validation_failed", "amount");
        assertProblem(purchase(learner, other, "100000000", "USD"), 422, "validation_failed", "amount");
        assertProblem(purchase(learner, other, "25.00", "usd"), 422, "validation_failed", "currency");
        assertProblem(api.post("/api/v1/admin/purchases", "{\"userId\": \"" + learner + "\", \"courseId\": \"" + other
                + "\", \"amount\": \"a lot\", \"currency\": \"USD\"}"), 400, "invalid_field", "amount");
        assertProblem(api.post("/api/v1/admin/purchases", "{\"userId\": \"nobody\", \"courseId\": \"" + other
                + "\", \"amount\": 1, \"currency\": \"USD\"}"), 400, "invalid_field", "userId");
        assertProblem(api.post("/api/v1/admin/purchases", "{\"courseId\": \"" + other + "\", \"amount\": 1, \"currency\": \"USD\"}"),
                400, "missing_field", "userId");
        assertProblem(api.post("/api/v1/admin/purchases", new PurchaseRequest(learner, other, BigDecimal.ONE, "USD",
                "x".repeat(51), null)), 422, "validation_failed", "paymentMethod");
        assertProblem(api.post("/api/v1/admin/purchases", new PurchaseRequest(learner, other, BigDecimal.ONE, "USD", null,
                NOW.minusDays(1))), 422, "validation_failed", "expiresAt");
    }

    @Test
    void aPurchaseTellsTheLearnersDevicesToPull() throws SQLException {
        UUID learner = accounts.learner("Ada").user();
        UUID course = catalog.paidCourse(teacher, "notified", 1, new BigDecimal("25.00")).id();
        try (Connection listener = superuser.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN sevenp_sync");

            admin.purchase(learner, course, "25.00");

            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 20 && !payloads.contains("u:" + learner); i++) {
                PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(250);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        payloads.add(notification.getParameter());
                    }
                }
            }
            assertThat(payloads).contains("u:" + learner);
        }
    }

    @Test
    void plansAndSubscriptionsFollowTheirRules() {
        UUID learner = accounts.learner("Bo").user();
        PlanView plan = admin.plan("Monthly", 3);
        PlanView retired = admin.plan("Retired", null);
        catalog.execute("UPDATE subscription_plans SET is_active = false WHERE id = ?", retired.id());

        SubscriptionView subscription = admin.subscribe(learner, plan.id());
        SubscriptionView canceled = admin.subscriptionStatus(subscription.id(), "canceled");
        SubscriptionView renewed = admin.subscriptionStatus(subscription.id(), "active");

        assertThat(plan.courseLimit()).isEqualTo(3);
        assertThat(plan.isActive()).isTrue();
        assertThat(subscription.status()).isEqualTo("active");
        assertThat(canceled.status()).isEqualTo("canceled");
        assertThat(canceled.canceledAt()).isNotNull();
        assertThat(renewed.canceledAt()).isNull();
        assertProblem(plan(new PlanRequest("Weekly", BigDecimal.ONE, "USD", "weekly", null)), 422, "validation_failed",
                "billingInterval");
        assertProblem(plan(new PlanRequest("None", BigDecimal.ONE, "USD", "monthly", 0)), 422, "validation_failed", "courseLimit");
        assertProblem(plan(new PlanRequest(" ", BigDecimal.ONE, "USD", "monthly", null)), 422, "validation_failed", "name");
        assertProblem(plan(new PlanRequest("n".repeat(101), BigDecimal.ONE, "USD", "monthly", null)), 422, "validation_failed",
                "name");
        assertProblem(plan(new PlanRequest("Cheap", null, "USD", "monthly", null)), 400, "missing_field", "price");
        assertProblem(subscribe(new SubscriptionRequest(learner, plan.id(), "active", NOW, NOW.minusDays(1))), 422,
                "validation_failed", "currentPeriodEnd");
        assertProblem(subscribe(new SubscriptionRequest(learner, plan.id(), "canceled", NOW, NOW.plusDays(1))), 422,
                "validation_failed", "status");
        assertProblem(subscribe(new SubscriptionRequest(learner, UUID.randomUUID(), "active", NOW, NOW.plusDays(1))), 404,
                "not_found", null);
        assertProblem(subscribe(new SubscriptionRequest(UUID.randomUUID(), plan.id(), "active", NOW, NOW.plusDays(1))), 404,
                "not_found", null);
        assertProblem(subscribe(new SubscriptionRequest(learner, retired.id(), "active", NOW, NOW.plusDays(1))), 422,
                "validation_failed", "planId");
        assertProblem(api.put("/api/v1/admin/subscriptions/" + subscription.id() + "/status", new StatusRequest("paused")), 422,
                "validation_failed", "status");
        assertProblem(api.put("/api/v1/admin/subscriptions/" + UUID.randomUUID() + "/status", new StatusRequest("unpaid")), 404,
                "not_found", null);
    }

    @Test
    void hugeOrMistypedBodiesAreRefusedClearlyNeverWith500() {
        UUID user = accounts.learner("Cy").user();

        Response huge = api.post("/api/v1/admin/plans", "{\"name\": \"" + "n".repeat(2_000_000) + "\"}");
        Response wrongType = api.sendJson("POST", "/api/v1/admin/plans", new byte[0]);
        Response notJsonType = api.send(api.request("/api/v1/admin/plans").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=x")));
        Response array = api.post("/api/v1/admin/plans", "[]");
        Response nul = api.post("/api/v1/admin/plans", "null");

        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error()).isEqualTo("payload_too_large");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(notJsonType.status()).isEqualTo(415);
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.error()).isEqualTo("malformed_json");
        assertThat(nul.status()).isEqualTo(400);
        assertProblem(api.put(roles(user), new RolesRequest(List.of("l".repeat(100_000)), null)), 422, "validation_failed",
                "roles[0]");
        assertProblem(plan(new PlanRequest("Robert'); DROP TABLE subscription_plans;--", BigDecimal.ONE, "USD", "monthly", null)),
                201, null, null);
    }

    private Response purchase(UUID user, UUID course, String amount, String currency) {
        return api.post("/api/v1/admin/purchases", new PurchaseRequest(user, course, new BigDecimal(amount), currency, null, null));
    }

    private Response plan(PlanRequest request) {
        return api.post("/api/v1/admin/plans", request);
    }

    private Response subscribe(SubscriptionRequest request) {
        return api.post("/api/v1/admin/subscriptions", request);
    }

    private static String roles(UUID user) {
        return "/api/v1/admin/users/" + user + "/roles";
    }

    private static String status(UUID user) {
        return "/api/v1/admin/users/" + user + "/status";
    }

    private static void assertProblem(Response response, int status, String error, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (error != null) {
            assertThat(response.error()).as(response.toString()).isEqualTo(error);
            if (field == null) {
                assertThat(response.json().path("field").isMissingNode() || response.json().path("field").isNull()).isTrue();
            } else {
                assertThat(response.json().path("field").asText()).isEqualTo(field);
            }
        }
    }

    private String value(String sql, Object... parameters) {
        List<String> values = rows(sql, parameters);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private List<String> rows(String sql, Object... parameters) {
        try (Connection connection = superuser.getConnection();
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
