package edu.sevenp.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.sevenp.migrations.ClusterBootstrap;
import edu.sevenp.migrations.MigrationOutcome;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.ServerConfig;
import edu.sevenp.server.admin.AdminStore;
import edu.sevenp.server.admin.RoleGrants;
import edu.sevenp.server.auth.AccountStore;
import edu.sevenp.server.catalog.CatalogStore;
import edu.sevenp.server.sync.SyncStore;
import edu.sevenp.server.health.DatabaseProbe;
import edu.sevenp.server.maintenance.MaintenanceTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: migrated at start-up as the schema owner, then used only through a pool
 * of connections acting as the request role, to which row-level security applies.
 */
public final class ServerDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);

    static final String EMBEDDED_DATABASE = "sevenp";
    static final String EMBEDDED_OWNER = "sevenp_owner";
    private static final int POOL_SIZE = 10;

    private final HikariDataSource requestPool;
    private final DataSource owner;
    private final MigrationOutcome migration;
    private final String mode;
    private final String location;
    private final EmbeddedCluster embedded;
    private final RequestTransactions requests;

    private ServerDatabase(HikariDataSource requestPool, DataSource owner, MigrationOutcome migration, String mode,
            String location, EmbeddedCluster embedded) {
        this.requestPool = requestPool;
        this.owner = owner;
        this.migration = migration;
        this.mode = mode;
        this.location = location;
        this.embedded = embedded;
        this.requests = new RequestTransactions(requestPool);
    }

    /** Opens the configured database, or starts the embedded one, and migrates it. */
    public static ServerDatabase open(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        return config.database().map(ServerDatabase::openExternal).orElseGet(() -> openEmbedded(config));
    }

    private static ServerDatabase openExternal(DatabaseConfig config) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(config.url());
        owner.setUser(config.user());
        owner.setPassword(config.password());
        MigrationOutcome outcome = new Migrations(owner, Target.POSTGRESQL, config.requestUser()).migrate();

        HikariConfig pool = poolConfig(config.url());
        pool.setUsername(config.requestUser());
        pool.setPassword(config.requestPassword());
        return new ServerDatabase(new HikariDataSource(pool), owner, outcome, "external", config.url(), null);
    }

    private static ServerDatabase openEmbedded(ServerConfig config) {
        EmbeddedCluster cluster;
        try {
            cluster = EmbeddedCluster.start(config.embeddedDatabaseDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in "
                    + config.embeddedDatabaseDirectory() + ": " + e.getMessage(), e);
        }
        try {
            ClusterBootstrap bootstrap = new ClusterBootstrap(EMBEDDED_OWNER, Migrations.DEFAULT_REQUEST_ROLE);
            try (Connection superuser = cluster.dataSource("postgres", "postgres").getConnection()) {
                // The embedded cluster trusts loopback connections; the password only matters if an
                // operator later switches it to password authentication.
                bootstrap.ensureRoles(superuser, randomPassword());
                if (bootstrap.createDatabaseIfMissing(superuser, EMBEDDED_DATABASE)) {
                    LOG.info("Created database {} in {}", EMBEDDED_DATABASE, cluster.directory());
                }
            }
            DataSource owner = cluster.dataSource(EMBEDDED_DATABASE, EMBEDDED_OWNER);
            MigrationOutcome outcome = new Migrations(owner, Target.POSTGRESQL).migrate();
            HikariConfig pool = poolConfig(cluster.jdbcUrl(EMBEDDED_DATABASE));
            pool.setUsername(Migrations.DEFAULT_REQUEST_ROLE);
            return new ServerDatabase(new HikariDataSource(pool), owner, outcome, "embedded",
                    cluster.directory().toString(), cluster);
        } catch (SQLException | RuntimeException e) {
            closeQuietlyAfterFailure(cluster, e);
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static HikariConfig poolConfig(String url) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setPoolName("sevenp-requests");
        pool.setMaximumPoolSize(POOL_SIZE);
        return pool;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void closeQuietlyAfterFailure(EmbeddedCluster cluster, Exception cause) {
        try {
            cluster.close();
        } catch (IOException | RuntimeException closing) {
            cause.addSuppressed(closing);
        }
    }

    /** The request pool, for RequestTransactions only: the one door to the request role. */
    DataSource requestPool() {
        return requestPool;
    }

    /** Accounts, sign-in and tokens, over the auth schema's functions. */
    public AccountStore accounts() {
        return new JooqAccountStore(requests);
    }

    /** Housekeeping (statistics refresh, partitions), run as the schema owner. */
    public MaintenanceTasks maintenance() {
        return new DatabaseMaintenance(owner);
    }

    /** Push and pull, as each request's user. */
    public SyncStore sync() {
        return new JooqSyncStore(requests);
    }

    /** The catalog and enrollment, as each request's caller. */
    public CatalogStore catalog() {
        return new JooqCatalogStore(requests);
    }

    /** Administration, as each request's administrator. */
    public AdminStore admin() {
        return new JooqAdminStore(requests);
    }

    /** Roles given on the command line, as the schema owner (the first administrator). */
    public RoleGrants roleGrants() {
        return new OwnerRoleGrants(owner);
    }

    public DatabaseProbe probe() {
        return new JdbcDatabaseProbe(requests);
    }

    /** How many migrations this start applied: 0 when the schema was already current. */
    public int appliedMigrationsAtStart() {
        return migration.appliedNow();
    }

    /** The embedded cluster's superuser, for tests in this package (it bypasses row-level security). */
    DataSource embeddedSuperuser() {
        if (embedded == null) {
            throw new IllegalStateException("not running on the embedded database");
        }
        return embedded.dataSource(EMBEDDED_DATABASE, "postgres");
    }

    public String schemaVersion() {
        return migration.schemaVersion();
    }

    /** {@code embedded} or {@code external}. */
    public String mode() {
        return mode;
    }

    /** The data folder (embedded) or the JDBC URL (external), for the start-up message. */
    public String location() {
        return location;
    }

    @Override
    public void close() {
        requestPool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
