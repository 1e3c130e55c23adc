package edu.sevenp.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.sevenp.migrations.ClusterBootstrap;
import edu.sevenp.migrations.MigrationException;
import edu.sevenp.migrations.MigrationOutcome;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.server.DataFolderLock;
import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.ReplicaConfig;
import edu.sevenp.server.ServerConfig;
import edu.sevenp.server.admin.AdminStore;
import edu.sevenp.server.admin.RoleGrants;
import edu.sevenp.server.auth.AccountStore;
import edu.sevenp.server.events.ChangeListener;
import edu.sevenp.server.media.MediaCatalog;
import edu.sevenp.server.publish.PublishStore;
import edu.sevenp.server.events.Entitlements;
import edu.sevenp.server.catalog.CatalogStore;
import edu.sevenp.server.statistics.StatisticsStore;
import edu.sevenp.server.sync.SyncStore;
import edu.sevenp.server.health.DatabaseMonitor;
import edu.sevenp.server.health.DatabaseProbe;
import edu.sevenp.server.health.ReadCounts;
import edu.sevenp.server.maintenance.MaintenanceTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: migrated at start-up as the schema owner, then used only through a pool
 * of connections acting as the request role, to which row-level security applies; and, when configured, a
 * streaming read replica with a pool of its own for pulls and catalog reads (ReadTransactions).
 */
public final class ServerDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);

    static final String EMBEDDED_DATABASE = "sevenp";
    static final String EMBEDDED_OWNER = "sevenp_owner";
    private static final int POOL_SIZE = 10;
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final Duration POOL_WAIT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    /** A replica that is down costs a read this long before it goes to the primary (Hikari's least is 250 ms). */
    private static final Duration REPLICA_POOL_WAIT = Duration.ofSeconds(1);

    private final HikariDataSource requestPool;
    private final HikariDataSource replicaPool;
    private final DataSource owner;
    private final MigrationOutcome migration;
    private final String mode;
    private final String location;
    private final EmbeddedCluster embedded;
    private final RequestTransactions requests;
    private final ReadTransactions reads;

    private ServerDatabase(HikariDataSource requestPool, HikariDataSource replicaPool, DataSource owner,
            MigrationOutcome migration, String mode, String location, EmbeddedCluster embedded) {
        this.requestPool = requestPool;
        this.replicaPool = replicaPool;
        this.owner = owner;
        this.migration = migration;
        this.mode = mode;
        this.location = location;
        this.embedded = embedded;
        this.requests = new RequestTransactions(requestPool);
        this.reads = replicaPool == null ? ReadTransactions.primaryOnly(requests)
                : ReadTransactions.withReplica(requests, new RequestTransactions(replicaPool));
    }

    /**
     * Opens the configured database, or starts the embedded one, and migrates it.
     *
     * @param folderLock the data folder's lock, which the embedded database needs (ServerConfig#embeddedDatabaseDirectory)
     * @throws DatabaseStartupException with one line for the operator when the database cannot be used
     */
    public static ServerDatabase open(ServerConfig config, DataFolderLock folderLock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(folderLock, "folderLock");
        return config.database().map(ServerDatabase::openExternal).orElseGet(() -> openEmbedded(config, folderLock));
    }

    /** Opens (and migrates) an external PostgreSQL: it needs no data folder, so no lock on one. */
    public static ServerDatabase openExternal(DatabaseConfig config) {
        PGSimpleDataSource owner = externalDataSource(config.url(), config.user(), config.password());
        PGSimpleDataSource request = externalDataSource(config.url(), config.requestUser(), config.requestPassword());
        new ExternalDatabaseCheck(config, owner, request, CONNECT_TIMEOUT_SECONDS).run();
        MigrationOutcome outcome = migrate(new Migrations(owner, Target.POSTGRESQL, config.requestUser()),
                owner.getDatabaseName(), config.user());

        HikariConfig pool = poolConfig(config.url());
        pool.setUsername(config.requestUser());
        pool.setPassword(config.requestPassword());
        HikariDataSource requestPool = openPool(pool);
        try {
            HikariDataSource replicaPool = config.replica().map(ServerDatabase::openReplicaPool).orElse(null);
            return new ServerDatabase(requestPool, replicaPool, owner, outcome, "external", config.redactedUrl(), null);
        } catch (RuntimeException e) {
            requestPool.close();
            throw e;
        }
    }

    /**
     * The replica's pool. A replica that is down does not stop the start (reads go to the primary until it
     * answers); one that answers must be a standby and its role must be bound by row-level security.
     */
    private static HikariDataSource openReplicaPool(ReplicaConfig replica) {
        PGSimpleDataSource check = externalDataSource(replica.url(), replica.user(), replica.password());
        new ReplicaCheck(replica, check).run();
        HikariConfig pool = poolConfig(replica.url());
        pool.setPoolName("sevenp-replica-reads");
        pool.setUsername(replica.user());
        pool.setPassword(replica.password());
        pool.setReadOnly(true);
        pool.setConnectionTimeout(REPLICA_POOL_WAIT.toMillis());
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("connectTimeout", "1");
        return openPool(pool);
    }

    private static PGSimpleDataSource externalDataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        // Without these a server that is down makes every caller wait for the operating system's TCP timeout.
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }

    private static ServerDatabase openEmbedded(ServerConfig config, DataFolderLock folderLock) {
        Path directory = config.embeddedDatabaseDirectory();
        EmbeddedCluster cluster;
        try {
            cluster = EmbeddedCluster.start(directory, folderLock);
        } catch (IOException e) {
            throw new DatabaseStartupException("the embedded PostgreSQL did not start in " + directory + ": "
                    + LoginFailures.oneLine(e.getMessage()), e);
        }
        try {
            ClusterBootstrap bootstrap = new ClusterBootstrap(EMBEDDED_OWNER, Migrations.DEFAULT_REQUEST_ROLE);
            try (Connection superuser = cluster.dataSource("postgres", "postgres").getConnection()) {
                // The embedded cluster trusts loopback connections; the password only matters if an
                // operator later switches it to password authentication.
                bootstrap.ensureRoles(superuser, randomPassword());
                if (bootstrap.createDatabaseIfMissing(superuser, EMBEDDED_DATABASE)) {
                    LOG.info("created database={} dir={}", EMBEDDED_DATABASE, cluster.directory());
                }
            }
            DataSource owner = cluster.dataSource(EMBEDDED_DATABASE, EMBEDDED_OWNER);
            MigrationOutcome outcome = migrate(new Migrations(owner, Target.POSTGRESQL), EMBEDDED_DATABASE, EMBEDDED_OWNER);
            HikariConfig pool = poolConfig(cluster.jdbcUrl(EMBEDDED_DATABASE));
            pool.setUsername(Migrations.DEFAULT_REQUEST_ROLE);
            return new ServerDatabase(openPool(pool), null, owner, outcome, "embedded", cluster.directory().toString(),
                    cluster);
        } catch (SQLException e) {
            closeQuietlyAfterFailure(cluster, e);
            throw new DatabaseStartupException("cannot prepare the embedded PostgreSQL in " + directory + ": "
                    + LoginFailures.oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietlyAfterFailure(cluster, e);
            throw e;
        }
    }

    private static MigrationOutcome migrate(Migrations migrations, String database, String owner) {
        try {
            return migrations.migrate();
        } catch (MigrationException e) {
            throw new DatabaseStartupException(MigrationFailures.describe(e, database, owner), e);
        }
    }

    private static HikariConfig poolConfig(String url) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setPoolName("sevenp-requests");
        pool.setMaximumPoolSize(POOL_SIZE);
        // A request (and /health) waits at most this long for a connection, then answers 503: with the default
        // 30 s a database that is down holds every caller for half a minute.
        pool.setConnectionTimeout(POOL_WAIT.toMillis());
        pool.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        pool.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        pool.addDataSourceProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return pool;
    }

    private static HikariDataSource openPool(HikariConfig pool) {
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new DatabaseStartupException("cannot open connections as the request role '" + pool.getUsername() + "': "
                    + LoginFailures.oneLine(rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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

    /** The schema's database_health_check(), run as the schema owner (only it and administrators may). */
    public DatabaseMonitor monitor() {
        return new JdbcDatabaseMonitor(owner);
    }

    /** Housekeeping (statistics refresh, partitions), run as the schema owner. */
    public MaintenanceTasks maintenance() {
        return new DatabaseMaintenance(owner);
    }

    /** Push and pull, as each request's user. */
    public SyncStore sync() {
        return new JooqSyncStore(requests, reads);
    }

    /** Publishing course packages, as the instructor. */
    public PublishStore publishing() {
        return new JooqPublishStore(requests);
    }

    /** Who may download which media file. */
    public MediaCatalog mediaCatalog() {
        return new JooqMediaCatalog(requests);
    }

    /** Who may pull which courses, for the push channel. */
    public Entitlements entitlements() {
        return new JooqEntitlements(requests);
    }

    /** A listener of the database's change notifications, on a connection of its own (not from the pool). */
    public ChangeListener changeListener() {
        return new PgChangeListener(owner);
    }

    /** The catalog and enrollment, as each request's caller. */
    public CatalogStore catalog() {
        return new JooqCatalogStore(requests, reads);
    }

    /** Course statistics, as each request's instructor. */
    public StatisticsStore statistics() {
        return new JooqStatisticsStore(requests);
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

    /** Where pulls and catalog reads were served since start-up; empty without a read replica. */
    public Optional<ReadCounts> readCounts() {
        return reads.counts();
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

    /** The cluster's folder (embedded) or the JDBC URL without any password in it (external), for the start-up line. */
    public String location() {
        return location;
    }

    @Override
    public void close() {
        requestPool.close();
        if (replicaPool != null) {
            replicaPool.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
