package edu.sevenp.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sync server: {@code java -jar sync-server-<version>-all.jar [--port N] [--data-dir PATH] [--config FILE]}.
 * With no {@code SEVENP_DB_URL} it runs on an embedded PostgreSQL kept in its data folder. With
 * {@code --grant-role ROLE EMAIL} it gives an account a role instead, and exits.
 *
 * <p>The log goes to standard output. A start that fails prints one line to standard error, {@code 7P sync server:
 * <what is wrong and what to do>}, and exits with the code of {@link StartupFailure} (docs/operations.md,
 * "Start-up failures"); the stack trace goes to the log at debug level only.
 */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        ServerConfig config;
        Optional<GrantRoleCommand> grant;
        boolean prepare;
        try {
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            grant = GrantRoleCommand.take(arguments);
            prepare = PrepareDatabaseCommand.take(arguments);
            if (prepare && grant.isPresent()) {
                throw new IllegalArgumentException(PrepareDatabaseCommand.OPTION + " and " + GrantRoleCommand.OPTION
                        + " are two runs: prepare the database first");
            }
            config = ServerConfig.from(System.getenv(), arguments);
        } catch (IllegalArgumentException e) {
            exit(StartupFailure.configuration(e), e);
            return;
        }
        if (prepare) {
            prepareDatabase(config);
            return;
        }
        if (grant.isPresent()) {
            try {
                System.out.println(grant.get().run(config));
            } catch (RuntimeException e) {
                LOG.debug("{} failed", GrantRoleCommand.OPTION, e);
                System.err.println("7P sync server: " + GrantRoleCommand.OPTION + " failed: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        LOG.info(StartupLog.configuration(config));
        SyncServer server;
        try {
            server = SyncServer.start(config);
        } catch (RuntimeException | Error e) {
            exit(StartupFailure.of(e), e);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "sevenp-shutdown"));
        LOG.info(StartupLog.started(config, server, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    private static void prepareDatabase(ServerConfig config) {
        List<String> report;
        try {
            report = PrepareDatabaseCommand.run(config, System.getenv());
        } catch (IllegalArgumentException e) {
            exit(StartupFailure.configuration(e), e);
            return;
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.of(e);
            LOG.debug("{} failed", PrepareDatabaseCommand.OPTION, e);
            System.err.println(StartupFailure.PREFIX + PrepareDatabaseCommand.OPTION + " failed: "
                    + failure.line().substring(StartupFailure.PREFIX.length()));
            System.exit(failure.exitCode());
            return;
        }
        report.forEach(System.out::println);
    }

    private static void exit(StartupFailure failure, Throwable cause) {
        LOG.debug("start-up failed exit={}", failure.exitCode(), cause);
        System.err.println(failure.line());
        System.exit(failure.exitCode());
    }

    private static void stop(SyncServer server) {
        LOG.info("stopping");
        server.close();
        LOG.info("stopped");
    }
}
