package edu.sevenp.server.http;

import edu.sevenp.server.statistics.StatisticsService;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/** Course statistics for instructors (docs/sync-protocol.md, section 11.1). */
final class StatisticsRoutes {

    private final StatisticsService statistics;

    StatisticsRoutes(StatisticsService statistics) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    void register(RoutesConfig routes) {
        routes.get(ProtocolGate.PREFIX + "/instructor/courses", context ->
                context.json(statistics.courses(Callers.required(context))));
        routes.get(ProtocolGate.PREFIX + "/instructor/courses/{id}/statistics", context ->
                context.json(statistics.statistics(Callers.required(context), Params.uuid(context, "id"))));
    }
}
