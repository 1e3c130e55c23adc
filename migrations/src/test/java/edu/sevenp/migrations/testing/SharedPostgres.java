package edu.sevenp.migrations.testing;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster of one JVM and its migrated template: migrations run once, then every test class gets
 * a cheap copy ({@code CREATE DATABASE ... TEMPLATE}). Names carry a random run id so that several
 * builds can share one external server.
 */
public final class SharedPostgres implements AutoCloseable {

    private final PostgresCluster cluster;
    private final String runId;
    private final String template;
    private final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres(PostgresCluster cluster) {
        this.cluster = cluster;
        this.runId = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        this.template = "sevenp_tpl_" + runId;
        cluster.createDatabase(template, null);
        new Migrations(cluster.ownerDataSource(template), Target.POSTGRESQL).migrate();
    }

    public static SharedPostgres start() {
        return on(PostgresCluster.start());
    }

    /** Over a cluster the caller started (and this closes). */
    public static SharedPostgres on(PostgresCluster cluster) {
        try {
            return new SharedPostgres(cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A fresh copy of the migrated template. */
    public TestDatabase newDatabase() {
        String name = "sevenp_t_" + runId + "_" + databases.incrementAndGet();
        cluster.createDatabase(name, template);
        return new TestDatabase(cluster, name);
    }

    /** A database that exists but was never migrated, for tests of the migrations themselves. */
    public TestDatabase newEmptyDatabase() {
        String name = "sevenp_e_" + runId + "_" + databases.incrementAndGet();
        cluster.createDatabase(name, null);
        return new TestDatabase(cluster, name);
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            cluster.dropDatabase(template);
        } finally {
            cluster.close();
        }
    }
}
