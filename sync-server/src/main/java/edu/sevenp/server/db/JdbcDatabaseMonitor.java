package edu.sevenp.server.db;

import edu.sevenp.server.health.DatabaseMonitor;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** database_health_check() through the schema owner's connection: only the owner and administrators may call it. */
final class JdbcDatabaseMonitor implements DatabaseMonitor {

    private final DSLContext owner;

    JdbcDatabaseMonitor(DataSource ownerDataSource) {
        this.owner = DSL.using(Objects.requireNonNull(ownerDataSource, "ownerDataSource"), SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false));
    }

    @Override
    public String healthCheckJson() {
        return owner.fetchValue(DSL.field("database_health_check()::text", String.class));
    }
}
