package edu.sevenp.migrations.testing;

import edu.sevenp.migrations.ClusterBootstrap;
import edu.sevenp.migrations.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL 15+ server for tests and code generation: the one named by {@code SEVENP_TEST_PG_URL}
 * (with {@code SEVENP_TEST_PG_USER} and {@code SEVENP_TEST_PG_PASSWORD}, a role that may create
 * databases and roles), otherwise an embedded PostgreSQL 15 started for this JVM.
 *
 * <p>It provides the two roles production uses: {@link #OWNER_ROLE}, which owns the schema and runs
 * migrations, and {@link #REQUEST_ROLE}, which serves requests and is neither superuser, owner nor
 * BYPASSRLS, so row-level security applies to it.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String OWNER_ROLE = "sevenp_owner";
    public static final String REQUEST_ROLE = Migrations.DEFAULT_REQUEST_ROLE;

    private static final String DEFAULT_ROLE_PASSWORD = "sevenp-test";

    private final String url;
    private final String superuser;
    private final String superuserPassword;
    private final String rolePassword;
    private final EmbeddedPostgres embedded;
    private final ClusterBootstrap bootstrap = new ClusterBootstrap(OWNER_ROLE, REQUEST_ROLE);

    private PostgresCluster(String url, String superuser, String superuserPassword, String rolePassword,
            EmbeddedPostgres embedded) {
        this.url = Objects.requireNonNull(url, "url");
        this.superuser = Objects.requireNonNull(superuser, "superuser");
        this.superuserPassword = superuserPassword == null ? "" : superuserPassword;
        this.rolePassword = rolePassword;
        this.embedded = embedded;
    }

    /** Connects to the configured server, or starts an embedded one, and makes sure both roles exist. */
    public static PostgresCluster start() {
        String rolePassword = envOr("SEVENP_TEST_PG_ROLE_PASSWORD", DEFAULT_ROLE_PASSWORD);
        String externalUrl = System.getenv("SEVENP_TEST_PG_URL");
        if (externalUrl == null || externalUrl.isBlank()) {
            return startEmbedded(Map.of());
        }
        return withRoles(new PostgresCluster(externalUrl, envOr("SEVENP_TEST_PG_USER", "postgres"),
                System.getenv("SEVENP_TEST_PG_PASSWORD"), rolePassword, null));
    }

    /**
     * Starts an embedded PostgreSQL of its own (never the external one) with these server settings added, and
     * makes sure both roles exist: for tests that need a cluster configured their way (streaming replication).
     */
    public static PostgresCluster startEmbedded(Map<String, String> serverConfig) {
        String rolePassword = envOr("SEVENP_TEST_PG_ROLE_PASSWORD", DEFAULT_ROLE_PASSWORD);
        try {
            // Preloaded so that monitoring functions can be tested with pg_stat_statements; a
            // database only has it once CREATE EXTENSION ran there.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            return withRoles(new PostgresCluster(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    rolePassword, postgres));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static PostgresCluster withRoles(PostgresCluster cluster) {
        String rolePassword = cluster.rolePassword;
        try (Connection connection = cluster.superuserDataSource("postgres").getConnection()) {
            cluster.bootstrap.ensureRoles(connection, rolePassword);
        } catch (SQLException e) {
            cluster.close();
            throw new IllegalStateException("Could not create the test roles: " + e.getMessage(), e);
        }
        return cluster;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A non-pooled DataSource for {@code database}, logged in as the superuser. */
    public DataSource superuserDataSource(String database) {
        return dataSource(database, superuser, superuserPassword);
    }

    /** A non-pooled DataSource for {@code database}, logged in as the schema owner. */
    public DataSource ownerDataSource(String database) {
        return dataSource(database, OWNER_ROLE, rolePassword);
    }

    /** A non-pooled DataSource for {@code database}, logged in as the request role. */
    public DataSource requestDataSource(String database) {
        return dataSource(database, REQUEST_ROLE, rolePassword);
    }

    public String jdbcUrl(String database) {
        return dataSource(database, superuser, superuserPassword).getURL();
    }

    /** The password both roles log in with (embedded PostgreSQL trusts local connections anyway). */
    public String rolePassword() {
        return rolePassword;
    }

    /** Creates {@code name} owned by the owner role, as a copy of {@code template} when one is given. */
    public void createDatabase(String name, String template) {
        try (Connection connection = superuserDataSource("postgres").getConnection()) {
            bootstrap.createDatabase(connection, name, template);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String name) {
        try (Connection connection = superuserDataSource("postgres").getConnection()) {
            bootstrap.dropDatabase(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
