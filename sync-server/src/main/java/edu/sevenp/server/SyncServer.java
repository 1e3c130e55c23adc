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
import edu.sevenp.server.events.ChangeHub;
import edu.sevenp.server.events.ChangeListener;
import edu.sevenp.server.health.DatabaseReport;
import edu.sevenp.server.health.HealthCheck;
import edu.sevenp.server.http.ApiServices;
import edu.sevenp.server.http.HttpApi;
import edu.sevenp.server.http.HttpSettings;
import edu.sevenp.server.maintenance.MaintenanceScheduler;
import edu.sevenp.server.media.FolderMediaStore;
import edu.sevenp.server.media.MediaService;
import edu.sevenp.server.media.MediaStore;
import edu.sevenp.server.publish.PublishService;
import edu.sevenp.server.statistics.StatisticsService;
import edu.sevenp.server.sync.PullService;
import edu.sevenp.server.sync.PushService;
import java.time.Clock;
import java.util.Objects;

/** A running server: its database, its use cases and its HTTP API, wired together and closed together. */
public final class SyncServer implements AutoCloseable {

    private final DataFolderLock folderLock;
    private final ServerDatabase database;
    private final MaintenanceScheduler maintenance;
    private final ChangeListener changes;
    private final ChangeHub hub;
    private final HttpApi http;

    private SyncServer(DataFolderLock folderLock, ServerDatabase database, MaintenanceScheduler maintenance,
            ChangeListener changes, ChangeHub hub, HttpApi http) {
        this.folderLock = folderLock;
        this.database = database;
        this.maintenance = maintenance;
        this.changes = changes;
        this.hub = hub;
        this.http = http;
    }

    /**
     * Locks the data folder, opens (and migrates) the database, then starts HTTP; on any failure nothing is left
     * running and the folder is unlocked.
     *
     * @throws DataFolderException when another server runs on the data folder, or it cannot be used
     * @throws edu.sevenp.server.db.DatabaseStartupException when the database cannot be used
     * @throws edu.sevenp.server.http.PortInUseException when the port is taken
     */
    public static SyncServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static SyncServer start(ServerConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        DataFolderLock folderLock = DataFolderLock.acquire(config.dataDirectory());
        try {
            return start(config, clock, folderLock);
        } catch (RuntimeException | Error e) {
            folderLock.close();
            throw e;
        }
    }

    private static SyncServer start(ServerConfig config, Clock clock, DataFolderLock folderLock) {
        byte[] tokenSecret = TokenSecrets.resolve(config);
        HttpSettings http = new HttpSettings(config.options().host(), config.port(), config.options().trustProxy(),
                config.options().maxPackageBytes(), config.dataDirectory().resolve("uploads"));
        HttpApi.requireFreePort(http); // before the database, which takes seconds to start and stop again
        ServerDatabase database = ServerDatabase.open(config, folderLock);
        MaintenanceScheduler maintenance = new MaintenanceScheduler(database.maintenance(), config.maintenance(),
                config.options().tombstoneHorizon());
        ChangeListener changes = database.changeListener();
        ChangeHub hub = null;
        try {
            ObjectMapper mapper = JsonMapperFactory.create();
            ServerOptions options = config.options();
            AuthSettings auth = new AuthSettings(tokenSecret, AuthSettings.DEFAULT_ACCESS_LIFETIME,
                    AuthSettings.DEFAULT_REFRESH_LIFETIME, options.passwordMemoryKib(), options.passwordIterations(),
                    options.registrationOpen());
            AccountStore accounts = database.accounts();
            AccessTokens tokens = new AccessTokens(auth.tokenSecret(), auth.accessTokenLifetime(), clock);
            Authenticator authenticator = new Authenticator(tokens, accounts);
            hub = new ChangeHub(database.entitlements(), authenticator::check);
            MediaStore mediaStore = new FolderMediaStore(config.mediaDirectory());
            ApiServices services = new ApiServices(
                    new HealthCheck(database.probe(),
                            new DatabaseReport(database.monitor(), mapper, clock, DatabaseReport.DEFAULT_MAX_AGE),
                            database.schemaVersion(), database.mode(), database::readCounts),
                    new AccountService(accounts, new PasswordHasher(auth.passwordMemoryKib(), auth.passwordIterations()),
                            tokens, auth, clock),
                    authenticator,
                    new PushService(database.sync(), mapper, clock),
                    new PullService(database.sync(), clock),
                    hub,
                    new MediaService(mediaStore, database.mediaCatalog()),
                    new PublishService(database.publishing(), mediaStore, mapper, clock),
                    clock,
                    new CatalogService(database.catalog()),
                    new AdminService(database.admin(), clock),
                    new StatisticsService(database.statistics(), mapper, clock));
            HttpApi api = HttpApi.start(http, services, mapper);
            changes.start(hub);
            maintenance.start();
            return new SyncServer(folderLock, database, maintenance, changes, hub, api);
        } catch (RuntimeException | Error e) {
            changes.close();
            if (hub != null) {
                hub.close();
            }
            maintenance.close();
            closeAfterFailure(database, e);
            throw e;
        }
    }

    private static void closeAfterFailure(ServerDatabase database, Throwable cause) {
        try {
            database.close();
        } catch (RuntimeException closing) {
            cause.addSuppressed(closing);
        }
    }

    public int port() {
        return http.port();
    }

    public ServerDatabase database() {
        return database;
    }

    /** Stops HTTP, the housekeeping and the database, then unlocks the data folder. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            try {
                changes.close();
                hub.close();
                maintenance.close();
                database.close();
            } finally {
                folderLock.close();
            }
        }
    }
}
