package edu.sevenp.server.db;

import edu.sevenp.server.health.DatabaseProbe;
import java.util.Objects;
import org.jooq.DSLContext;

/** Reads the server version through the request pool, so a healthy answer proves requests can run. */
final class JdbcDatabaseProbe implements DatabaseProbe {

    private final DSLContext dsl;

    JdbcDatabaseProbe(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public String serverVersion() {
        return "PostgreSQL " + dsl.fetchValue("select current_setting('server_version')");
    }
}
