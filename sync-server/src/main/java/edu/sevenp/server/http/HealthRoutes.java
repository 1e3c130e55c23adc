package edu.sevenp.server.http;

import edu.sevenp.server.health.HealthCheck;
import edu.sevenp.server.health.HealthReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** {@code GET /health}: 200 with the report when the database answers, 503 with the report when not. */
final class HealthRoutes {

    private final HealthCheck healthCheck;

    HealthRoutes(HealthCheck healthCheck) {
        this.healthCheck = Objects.requireNonNull(healthCheck, "healthCheck");
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context context) {
        HealthReport report = healthCheck.check();
        context.status(report.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
    }
}
