package edu.sevenp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.admin.AdminService;
import edu.sevenp.server.auth.AccessTokens;
import edu.sevenp.server.auth.AccountService;
import edu.sevenp.server.auth.AccountStore;
import edu.sevenp.server.auth.AuthSettings;
import edu.sevenp.server.auth.Authenticator;
import edu.sevenp.server.auth.PasswordHasher;
import edu.sevenp.server.catalog.CatalogService;
import edu.sevenp.server.db.ServerDatabase;
import edu.sevenp.server.health.HealthCheck;
import edu.sevenp.server.http.ApiServices;
import edu.sevenp.server.http.HttpApi;
import edu.sevenp.server.http.HttpSettings;
import edu.sevenp.server.maintenance.MaintenanceScheduler;
import edu.sevenp.server.sync.PullService;
import edu.sevenp.server.sync.PushService;
import java.time.Clock;
import java.util.Objects;

/** A running server: its database, its use cases and its HTTP API, wired together and closed together. */
public final class SyncServer implements AutoCloseable {

    private final ServerDatabase database;
    private final MaintenanceScheduler maintenance;
    private final HttpApi http;

    private SyncServer(ServerDatabase database, MaintenanceScheduler maintenance, HttpApi http) {
        this.database = database;
        this.maintenance = maintenance;
        this.http = http;
    }

    /** Opens (and migrates) the database, then starts HTTP; on any failure nothing is left running. */
    public static SyncServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static SyncServer start(ServerConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        byte[] tokenSecret = TokenSecrets.resolve(config);
        ServerDatabase database = ServerDatabase.open(config);
        MaintenanceScheduler maintenance = new MaintenanceScheduler(database.maintenance(), config.maintenance());
        try {
            ObjectMapper mapper = JsonMapperFactory.create();
            ServerOptions options = config.options();
            AuthSettings auth = new AuthSettings(tokenSecret, AuthSettings.DEFAULT_ACCESS_LIFETIME,
                    AuthSettings.DEFAULT_REFRESH_LIFETIME, options.passwordMemoryKib(), options.passwordIterations(),
                    options.registrationOpen());
            AccountStore accounts = database.accounts();
            AccessTokens tokens = new AccessTokens(auth.tokenSecret(), auth.accessTokenLifetime(), clock);
            ApiServices services = new ApiServices(
                    new HealthCheck(database.probe(), database.schemaVersion(), database.mode()),
                    new AccountService(accounts, new PasswordHasher(auth.passwordMemoryKib(), auth.passwordIterations()),
                            tokens, auth, clock),
                    new Authenticator(tokens, accounts),
                    new PushService(database.sync(), mapper, clock),
                    new PullService(database.sync(), clock),
                    clock,
                    new CatalogService(database.catalog()),
                    new AdminService(database.admin(), clock));
            HttpApi http = HttpApi.start(new HttpSettings(options.host(), config.port(), options.trustProxy()), services, mapper);
            maintenance.start();
            return new SyncServer(database, maintenance, http);
        } catch (RuntimeException e) {
            maintenance.close();
            database.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public ServerDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            maintenance.close();
            database.close();
        }
    }
}
