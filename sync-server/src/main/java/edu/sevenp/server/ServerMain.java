package edu.sevenp.server;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sync server: {@code java -jar sync-server-<version>-all.jar [--port N] [--data-dir PATH]}.
 * With no {@code SEVENP_DB_URL} it runs on an embedded PostgreSQL kept in its data folder.
 */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ServerConfig.from(System.getenv(), Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("7P sync server: " + e.getMessage());
            System.exit(2);
            return;
        }
        String host = config.options().host();
        SyncServer server = SyncServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sevenp-shutdown"));
        LOG.info("7P sync server listening on http://{}:{} ({} PostgreSQL at {}, schema version {})", host, server.port(),
                server.database().mode(), server.database().location(), server.database().schemaVersion());
    }
}
