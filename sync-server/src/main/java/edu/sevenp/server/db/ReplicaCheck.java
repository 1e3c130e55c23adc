package edu.sevenp.server.db;

import edu.sevenp.server.ReplicaConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the read replica at start-up. A replica that does not answer is no reason to stay down (reads go to the
 * primary until it does; ReadTransactions), so that only warns. A replica that answers must be a hot standby (a
 * server that is not in recovery is no copy the replay position can be compared with), and its role must be bound
 * by row-level security, as the request role is on the primary; otherwise the start fails.
 */
final class ReplicaCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaCheck.class);

    private final ReplicaConfig config;
    private final DataSource replica;

    ReplicaCheck(ReplicaConfig config, DataSource replica) {
        this.config = Objects.requireNonNull(config, "config");
        this.replica = Objects.requireNonNull(replica, "replica");
    }

    /** Throws {@link DatabaseStartupException} when the replica answers and may not serve reads. */
    void run() {
        try (Connection connection = replica.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT pg_is_in_recovery(), r.rolsuper,"
                        + " r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            if (!row.getBoolean(1)) {
                throw new DatabaseStartupException("SEVENP_DB_REPLICA_URL (" + config.redactedUrl() + ") names a server"
                        + " that is not a hot standby (pg_is_in_recovery() is false); name a standby that streams from"
                        + " the primary, or leave SEVENP_DB_REPLICA_URL unset (docs/operations.md, \"Scale-out\")");
            }
            if (row.getBoolean(2) || row.getBoolean(3)) {
                throw new DatabaseStartupException("the replica role '" + config.user() + "' (SEVENP_DB_REPLICA_USER) is "
                        + (row.getBoolean(2) ? "a superuser" : "BYPASSRLS") + ", so row-level security would not apply"
                        + " to reads on the replica; use the request role (the default)");
            }
            LOG.info("replica url={} role={} status=standby", config.redactedUrl(), config.user());
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw new DatabaseStartupException("cannot use the replica " + config.redactedUrl() + " as '" + config.user()
                        + "' (SEVENP_DB_REPLICA_USER): " + LoginFailures.oneLine(e.getMessage()), e);
            }
            LOG.warn("replica url={} status=unavailable reason=\"{}\"; pulls and catalog reads go to the primary until it"
                    + " answers", config.redactedUrl(), LoginFailures.oneLine(e.getMessage()));
        }
    }
}
