package edu.sevenp.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.DatabaseConfig;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An external PostgreSQL prepared wrongly fails the start with the SQL that fixes it, before anything is migrated.
 * The roles are this class's own (names with a random suffix, so builds sharing a server do not collide); each test
 * breaks one thing and the next test starts from a well prepared cluster again.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseCheckIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final String owner = "chk_owner_" + suffix;
    private final String request = "chk_app_" + suffix;
    private TestDatabase database;
    private String server;

    @BeforeAll
    void prepareRoles(TestDatabase database) throws Exception {
        this.database = database;
        String password = database.cluster().rolePassword();
        superuser("CREATE ROLE " + owner + " LOGIN PASSWORD '" + password + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
        superuser("CREATE ROLE " + request + " LOGIN PASSWORD '" + password
                + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
        superuser("ALTER DATABASE " + database.name() + " OWNER TO " + owner);
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setURL(database.jdbcUrl());
        server = probe.getServerNames()[0] + ":" + probe.getPortNumbers()[0];
    }

    @AfterEach
    void prepareWell() throws Exception {
        superuser("ALTER ROLE " + owner + " NOSUPERUSER NOBYPASSRLS LOGIN");
        superuser("ALTER ROLE " + request + " NOSUPERUSER NOBYPASSRLS LOGIN");
        superuser("REVOKE " + request + " FROM " + owner);
        superuser("REVOKE " + owner + " FROM " + request);
        superuser("ALTER DATABASE " + database.name() + " OWNER TO " + owner);
    }

    @AfterAll
    void dropRoles() throws Exception {
        superuser("ALTER DATABASE " + database.name() + " OWNER TO " + PostgresCluster.OWNER_ROLE);
        superuser("DROP ROLE " + request);
        superuser("DROP ROLE " + owner);
    }

    @Test
    void aWellPreparedClusterPasses() {
        assertThatCode(() -> check(owner, request, database.jdbcUrl())).doesNotThrowAnyException();
    }

    @Test
    void aMissingOwnerRoleIsNamedWithTheSqlThatCreatesIt() {
        assertThatThrownBy(() -> check("chk_nobody_" + suffix, request, database.jdbcUrl()))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("the schema owner 'chk_nobody_" + suffix + "' (SEVENP_DB_USER)")
                .hasMessageEndingWith("as a superuser: CREATE ROLE chk_nobody_" + suffix
                        + " LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;");
    }

    @Test
    void aMissingDatabaseIsNamedWithTheSqlThatCreatesIt() {
        String url = database.jdbcUrl().replace("/" + database.name() + "?", "/no_such_db_" + suffix + "?");

        assertThatThrownBy(() -> check(owner, request, url))
                .hasMessage("the database 'no_such_db_" + suffix + "' does not exist on PostgreSQL at " + server
                        + "; create it as a superuser: CREATE DATABASE no_such_db_" + suffix + " OWNER " + owner + ";");
    }

    @Test
    void aMissingRequestRoleIsNamedWithTheSqlThatCreatesIt() {
        assertThatThrownBy(() -> check(owner, "chk_nobody_" + suffix, database.jdbcUrl()))
                .hasMessage("the request role 'chk_nobody_" + suffix + "' (SEVENP_DB_REQUEST_USER) does not exist on"
                        + " PostgreSQL at " + server + "; create it as a superuser: CREATE ROLE chk_nobody_" + suffix
                        + " LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;");
    }

    @Test
    void aSuperuserRequestRoleIsRefused() throws Exception {
        superuser("ALTER ROLE " + request + " SUPERUSER");

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessage("the request role '" + request + "' (SEVENP_DB_REQUEST_USER) is a superuser, so row-level"
                        + " security would not apply to requests; as a superuser: ALTER ROLE " + request
                        + " NOSUPERUSER NOBYPASSRLS;");
    }

    @Test
    void aBypassRlsRequestRoleIsRefused() throws Exception {
        superuser("ALTER ROLE " + request + " BYPASSRLS");

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessageStartingWith("the request role '" + request + "' (SEVENP_DB_REQUEST_USER) is BYPASSRLS");
    }

    @Test
    void aRequestRoleThatMayNotLogInIsNamed() throws Exception {
        superuser("ALTER ROLE " + request + " NOLOGIN");

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessage("the request role '" + request + "' (SEVENP_DB_REQUEST_USER) may not log in; as a superuser:"
                        + " ALTER ROLE " + request + " LOGIN;");
    }

    @Test
    void aRequestRoleOwningTheDatabaseIsRefused() throws Exception {
        superuser("ALTER DATABASE " + database.name() + " OWNER TO " + request);
        // So that the owner's own check passes and the request role's is the one that fails.
        superuser("GRANT CREATE ON DATABASE " + database.name() + " TO " + owner);
        inTheDatabase("GRANT CREATE ON SCHEMA public TO " + owner);

        try {
            assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                    .hasMessage("the request role '" + request + "' (SEVENP_DB_REQUEST_USER) owns the database '"
                            + database.name() + "', so requests would act as the owner; as a superuser: ALTER DATABASE "
                            + database.name() + " OWNER TO " + owner + ";");
        } finally {
            superuser("REVOKE CREATE ON DATABASE " + database.name() + " FROM " + owner);
            inTheDatabase("REVOKE CREATE ON SCHEMA public FROM " + owner);
        }
    }

    @Test
    void aRequestRoleInTheOwnerRoleIsRefused() throws Exception {
        superuser("GRANT " + owner + " TO " + request);

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessage("the request role '" + request + "' (SEVENP_DB_REQUEST_USER) is a member of the schema owner '"
                        + owner + "', so requests could act as the owner; as a superuser: REVOKE " + owner + " FROM "
                        + request + ";");
    }

    @Test
    void anOwnerInTheRequestRoleIsRefused() throws Exception {
        superuser("GRANT " + request + " TO " + owner);

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessage("the schema owner '" + owner + "' (SEVENP_DB_USER) is a member of the request role '" + request
                        + "' (SEVENP_DB_REQUEST_USER), so the request role's policies would apply to the owner and its"
                        + " SECURITY DEFINER functions; as a superuser: REVOKE " + request + " FROM " + owner + ";");
    }

    @Test
    void aSuperuserOwnerIsRefused() throws Exception {
        superuser("ALTER ROLE " + owner + " SUPERUSER");

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessageStartingWith("the schema owner '" + owner + "' (SEVENP_DB_USER) is a superuser, so row-level"
                        + " security would not bind the schema's own functions; make it a plain role, as a superuser:"
                        + " ALTER ROLE " + owner + " NOSUPERUSER NOBYPASSRLS;");
    }

    @Test
    void anOwnerThatMayNotCreateTheSchemaIsToldToOwnTheDatabase() throws Exception {
        superuser("ALTER DATABASE " + database.name() + " OWNER TO " + PostgresCluster.OWNER_ROLE);

        assertThatThrownBy(() -> check(owner, request, database.jdbcUrl()))
                .hasMessage("the schema owner '" + owner + "' may not create the schema in database '" + database.name()
                        + "'; make it the database's owner, as a superuser: ALTER DATABASE " + database.name()
                        + " OWNER TO " + owner + ";");
    }

    @Test
    void aServerThatDoesNotAnswerIsNamed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> check(owner, request, "jdbc:postgresql://127.0.0.1:" + closedPort + "/sevenp"))
                .hasMessage("cannot reach PostgreSQL at 127.0.0.1:" + closedPort + " (connection refused); check that it"
                        + " is running and that SEVENP_DB_URL names its host and port");
    }

    private void check(String ownerRole, String requestRole, String url) {
        String password = database.cluster().rolePassword();
        DatabaseConfig config = new DatabaseConfig(url, ownerRole, password, requestRole, password);
        new ExternalDatabaseCheck(config, dataSource(url, ownerRole, password), dataSource(url, requestRole, password),
                ServerDatabase.CONNECT_TIMEOUT_SECONDS).run();
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private void inTheDatabase(String sql) throws Exception {
        try (Connection connection = database.superuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void superuser(String sql) throws Exception {
        try (Connection connection = database.cluster().superuserDataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
