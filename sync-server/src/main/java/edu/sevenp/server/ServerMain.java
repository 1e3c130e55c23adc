package edu.sevenp.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sync server: {@code java -jar sync-server-<version>-all.jar [--port N] [--data-dir PATH]}.
 * With no {@code SEVENP_DB_URL} it runs on an embedded PostgreSQL kept in its data folder. With
 * {@code --grant-role ROLE EMAIL} it gives an account a role instead, and exits.
 */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        Optional<GrantRoleCommand> grant;
        try {
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            grant = GrantRoleCommand.take(arguments);
            config = ServerConfig.from(System.getenv(), arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("7P sync server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (grant.isPresent()) {
            try {
                System.out.println(grant.get().run(config));
            } catch (RuntimeException e) {
                System.err.println("7P sync server: " + GrantRoleCommand.OPTION + " failed: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        String host = config.options().host();
        SyncServer server = SyncServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sevenp-shutdown"));
        LOG.info("7P sync server listening on http://{}:{} ({} PostgreSQL at {}, schema version {})", host, server.port(),
                server.database().mode(), server.database().location(), server.database().schemaVersion());
    }
}
