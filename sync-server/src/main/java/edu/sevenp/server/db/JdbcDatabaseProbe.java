package edu.sevenp.server.db;

import edu.sevenp.server.health.DatabaseProbe;
import java.util.Objects;

/** Reads the server version through the request pool, so a healthy answer proves requests can run. */
final class JdbcDatabaseProbe implements DatabaseProbe {

    private final RequestTransactions requests;

    JdbcDatabaseProbe(RequestTransactions requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public String serverVersion() {
        return "PostgreSQL " + requests.anonymous(tx -> tx.fetchValue("select current_setting('server_version')"));
    }
}
