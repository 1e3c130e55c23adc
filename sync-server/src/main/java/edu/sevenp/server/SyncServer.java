package edu.sevenp.server;

import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.db.ServerDatabase;
import edu.sevenp.server.health.HealthCheck;
import edu.sevenp.server.http.HttpApi;
import edu.sevenp.server.maintenance.MaintenanceScheduler;
import java.util.Objects;

/** A running server: its database and its HTTP API, wired together and closed together. */
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
    public static SyncServer start(ServerConfig config, String host) {
        Objects.requireNonNull(config, "config");
        ServerDatabase database = ServerDatabase.open(config);
        MaintenanceScheduler maintenance = new MaintenanceScheduler(database.maintenance(), config.maintenance());
        try {
            HealthCheck healthCheck = new HealthCheck(database.probe(), database.schemaVersion(), database.mode());
            HttpApi http = HttpApi.start(host, config.port(), healthCheck, JsonMapperFactory.create());
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
