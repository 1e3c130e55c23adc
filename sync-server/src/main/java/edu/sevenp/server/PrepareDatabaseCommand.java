package edu.sevenp.server;

import edu.sevenp.server.db.ClusterPreparation;
import java.util.List;
import java.util.Map;

/**
 * {@code --prepare-database}: creates the schema owner, the request role and the database that the configuration
 * names ({@code SEVENP_DB_URL}, {@code SEVENP_DB_USER}, ...), logged in as the administrator of {@code PGUSER} and
 * {@code PGPASSWORD}, then exits (docs/operations.md, "Preparing PostgreSQL"). Safe to run again.
 */
public final class PrepareDatabaseCommand {

    public static final String OPTION = "--prepare-database";

    private PrepareDatabaseCommand() {
    }

    /** Whether {@code arguments} ask for it; removes the option, leaving the server's own options. */
    public static boolean take(List<String> arguments) {
        return arguments.remove(OPTION);
    }

    /** Prepares the cluster; the lines to print. */
    public static List<String> run(ServerConfig config, Map<String, String> environment) {
        DatabaseConfig database = config.database().orElseThrow(() -> new IllegalArgumentException(OPTION
                + " prepares an external PostgreSQL: set SEVENP_DB_URL, SEVENP_DB_USER, SEVENP_DB_PASSWORD,"
                + " SEVENP_DB_REQUEST_USER and SEVENP_DB_REQUEST_PASSWORD to the database and roles to create"
                + " (the embedded database prepares itself)"));
        return new ClusterPreparation(database, DatabaseAdmin.from(environment)).run();
    }
}
