package edu.sevenp.server.http;

import edu.sevenp.model.protocol.PlanRequest;
import edu.sevenp.model.protocol.PurchaseRequest;
import edu.sevenp.model.protocol.RolesRequest;
import edu.sevenp.model.protocol.StatusRequest;
import edu.sevenp.model.protocol.SubscriptionRequest;
import edu.sevenp.server.admin.AdminService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** Administration (docs/sync-protocol.md, section 13): signed in as an administrator. */
final class AdminRoutes {

    private final AdminService admin;
    private final JsonBodies bodies;

    AdminRoutes(AdminService admin, JsonBodies bodies) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    void register(RoutesConfig routes) {
        String prefix = ProtocolGate.PREFIX + "/admin";
        routes.put(prefix + "/users/{id}/roles", context -> context.json(admin.setRoles(Callers.required(context),
                Params.uuid(context, "id"), bodies.read(context, RolesRequest.class))));
        routes.put(prefix + "/users/{id}/status", context -> context.json(admin.setStatus(Callers.required(context),
                Params.uuid(context, "id"), bodies.read(context, StatusRequest.class))));
        routes.post(prefix + "/purchases", context -> context.status(HttpStatus.CREATED).json(admin.recordPurchase(
                Callers.required(context), bodies.read(context, PurchaseRequest.class))));
        routes.post(prefix + "/purchases/{id}/refund", context -> context.json(admin.refund(Callers.required(context),
                Params.uuid(context, "id"))));
        routes.post(prefix + "/plans", context -> context.status(HttpStatus.CREATED).json(admin.createPlan(
                Callers.required(context), bodies.read(context, PlanRequest.class))));
        routes.post(prefix + "/subscriptions", context -> context.status(HttpStatus.CREATED).json(admin.createSubscription(
                Callers.required(context), bodies.read(context, SubscriptionRequest.class))));
        routes.put(prefix + "/subscriptions/{id}/status", context -> context.json(admin.setSubscriptionStatus(
                Callers.required(context), Params.uuid(context, "id"), bodies.read(context, StatusRequest.class))));
    }
}
