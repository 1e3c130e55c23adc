package edu.sevenp.migrations.testing;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * A migrated PostgreSQL database of its own for one test class, cloned from the template and dropped
 * when the class is done.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresCluster cluster;
    private final String name;

    TestDatabase(PostgresCluster cluster, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database, without credentials. */
    public String jdbcUrl() {
        return cluster.jdbcUrl(name);
    }

    /** Logged in as the schema owner: for fixtures that set up data beneath row-level security. */
    public DataSource owner() {
        return cluster.ownerDataSource(name);
    }

    /** Logged in as the request role, as the server serves requests: row-level security applies. */
    public DataSource request() {
        return cluster.requestDataSource(name);
    }

    /** Logged in as the superuser: for what only a superuser may do, such as reading server settings. */
    public DataSource superuser() {
        return cluster.superuserDataSource(name);
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.dropDatabase(name);
    }
}
