package edu.sevenp.server.db;

import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.db.LoginFailures.Login;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Checks an external PostgreSQL before anything is migrated, so that a cluster prepared wrongly or not at all
 * fails with one line naming the SQL that prepares it (docs/operations.md) instead of a Flyway stack trace, and
 * so that a server whose request role would escape row-level security never starts. Checks: the owner can log
 * in and is a plain role that may create the schema; the request role exists, may log in, is neither superuser,
 * BYPASSRLS nor the owner (by owning the database or by membership), and the owner is not a member of it; the
 * request role's password works.
 */
final class ExternalDatabaseCheck {

    private final DatabaseConfig config;
    private final PGSimpleDataSource owner;
    private final PGSimpleDataSource request;
    private final int timeoutSeconds;
    private final String server;
    private final String database;

    ExternalDatabaseCheck(DatabaseConfig config, PGSimpleDataSource owner, PGSimpleDataSource request, int timeoutSeconds) {
        this.config = Objects.requireNonNull(config, "config");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.request = Objects.requireNonNull(request, "request");
        this.timeoutSeconds = timeoutSeconds;
        String host = owner.getServerNames().length == 0 ? "localhost" : owner.getServerNames()[0];
        int port = owner.getPortNumbers().length == 0 || owner.getPortNumbers()[0] == 0 ? 5432 : owner.getPortNumbers()[0];
        this.server = host + ":" + port;
        this.database = owner.getDatabaseName() == null ? config.user() : owner.getDatabaseName();
    }

    /** Throws {@link DatabaseStartupException} at the first problem found. */
    void run() {
        try (Connection connection = login(owner, ownerLogin())) {
            checkOwner(connection);
            checkRequestRole(connection);
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot check the roles on PostgreSQL at " + server + ": "
                    + LoginFailures.oneLine(e.getMessage()), e);
        }
        try (Connection connection = login(request, requestLogin())) {
            // Logging in is the check.
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot log in as the request role: "
                    + LoginFailures.oneLine(e.getMessage()), e);
        }
    }

    private Connection login(PGSimpleDataSource dataSource, Login login) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw LoginFailures.describe(e, login, config.user(), timeoutSeconds);
        }
    }

    private void checkOwner(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.rolsuper, r.rolbypassrls,"
                + " has_database_privilege(current_database(), 'CREATE'), has_schema_privilege('public', 'CREATE')"
                + " FROM pg_roles r WHERE r.rolname = current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            if (row.getBoolean(1) || row.getBoolean(2)) {
                // Row-level security never binds a superuser or a BYPASSRLS role, and the schema's SECURITY DEFINER
                // functions run as the owner: they would see and change every user's rows.
                throw new DatabaseStartupException("the schema owner '" + config.user() + "' (SEVENP_DB_USER) is "
                        + (row.getBoolean(1) ? "a superuser" : "BYPASSRLS")
                        + ", so row-level security would not bind the schema's own functions; make it a plain role, as a"
                        + " superuser: ALTER ROLE " + SqlNames.of(config.user()) + " NOSUPERUSER NOBYPASSRLS; (for the"
                        + " cluster's own superuser, create a plain owner role instead, docs/operations.md)");
            }
            if (!row.getBoolean(3) || !row.getBoolean(4)) {
                throw new DatabaseStartupException("the schema owner '" + config.user() + "' may not create the schema in"
                        + " database '" + database + "'; make it the database's owner, as a superuser: ALTER DATABASE "
                        + SqlNames.of(database) + " OWNER TO " + SqlNames.of(config.user()) + ";");
            }
        }
    }

    private void checkRequestRole(Connection connection) throws SQLException {
        String role = config.requestUser();
        String ownerRole = config.user();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.rolsuper, r.rolbypassrls, r.rolcanlogin,"
                // The owner is no superuser (checked first), so pg_has_role answers membership, direct or not.
                + " d.datdba = r.oid, pg_has_role(r.oid, current_user, 'MEMBER'), pg_has_role(current_user, r.oid, 'MEMBER')"
                + " FROM pg_roles r, pg_database d WHERE r.rolname = ? AND d.datname = current_database()")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                String who = "the request role '" + role + "' (SEVENP_DB_REQUEST_USER)";
                String name = SqlNames.of(role);
                if (!row.next()) {
                    throw new DatabaseStartupException(who + " does not exist on PostgreSQL at " + server
                            + "; create it as a superuser: " + createRequestRole());
                }
                if (row.getBoolean(1) || row.getBoolean(2)) {
                    throw new DatabaseStartupException(who + " is " + (row.getBoolean(1) ? "a superuser" : "BYPASSRLS")
                            + ", so row-level security would not apply to requests; as a superuser: ALTER ROLE " + name
                            + " NOSUPERUSER NOBYPASSRLS;");
                }
                if (!row.getBoolean(3)) {
                    throw new DatabaseStartupException(who + " may not log in; as a superuser: ALTER ROLE " + name
                            + " LOGIN;");
                }
                if (row.getBoolean(4)) {
                    throw new DatabaseStartupException(who + " owns the database '" + database
                            + "', so requests would act as the owner; as a superuser: ALTER DATABASE "
                            + SqlNames.of(database) + " OWNER TO " + SqlNames.of(ownerRole) + ";");
                }
                if (row.getBoolean(5)) {
                    throw new DatabaseStartupException(who + " is a member of the schema owner '" + ownerRole
                            + "', so requests could act as the owner; as a superuser: REVOKE " + SqlNames.of(ownerRole)
                            + " FROM " + name + ";");
                }
                if (row.getBoolean(6)) {
                    throw new DatabaseStartupException("the schema owner '" + ownerRole + "' (SEVENP_DB_USER) is a member"
                            + " of " + who + ", so the request role's policies would apply to the owner and its SECURITY DEFINER"
                            + " functions; as a superuser: REVOKE " + name + " FROM " + SqlNames.of(ownerRole) + ";");
                }
            }
        }
    }

    private Login ownerLogin() {
        return new Login(config.user(), "SEVENP_DB_USER", "SEVENP_DB_PASSWORD", server, database, createOwner(), false);
    }

    private Login requestLogin() {
        // Asked only after pg_roles showed the role exists.
        return new Login(config.requestUser(), "SEVENP_DB_REQUEST_USER", "SEVENP_DB_REQUEST_PASSWORD", server, database,
                createRequestRole(), true);
    }

    private String createOwner() {
        return "CREATE ROLE " + SqlNames.of(config.user())
                + " LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;";
    }

    private String createRequestRole() {
        return "CREATE ROLE " + SqlNames.of(config.requestUser())
                + " LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;";
    }
}
