package edu.sevenp.server.http;

import edu.sevenp.model.protocol.ServerInfo;
import edu.sevenp.model.protocol.VersionRange;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code GET /api/info}: what a client needs to know before it speaks (section 2). */
final class InfoRoutes {

    private final boolean registrationOpen;
    private final Clock clock;

    InfoRoutes(boolean registrationOpen, Clock clock) {
        this.registrationOpen = registrationOpen;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void register(RoutesConfig routes) {
        routes.get("/api/info", context -> context.json(new ServerInfo("7P sync server", VersionRange.SUPPORTED,
                registrationOpen ? "open" : "closed", OffsetDateTime.now(clock))));
    }
}
