package edu.sevenp.server.http;

import edu.sevenp.server.admin.AdminService;
import edu.sevenp.server.auth.AccountService;
import edu.sevenp.server.auth.Authenticator;
import edu.sevenp.server.events.ChangeHub;
import edu.sevenp.server.catalog.CatalogService;
import edu.sevenp.server.health.HealthCheck;
import edu.sevenp.server.media.MediaService;
import edu.sevenp.server.publish.PublishService;
import edu.sevenp.server.statistics.StatisticsService;
import edu.sevenp.server.sync.PullService;
import edu.sevenp.server.sync.PushService;
import java.time.Clock;
import java.util.Objects;

/** The use cases the HTTP API serves, wired by the server. */
public record ApiServices(HealthCheck health, AccountService accounts, Authenticator authenticator, PushService push,
        PullService pull, ChangeHub events, MediaService media, PublishService publish, Clock clock,
        CatalogService catalog, AdminService admin, StatisticsService statistics) {

    public ApiServices {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(statistics, "statistics");
    }
}
