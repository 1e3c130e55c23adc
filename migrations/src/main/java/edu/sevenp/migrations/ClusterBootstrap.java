package edu.sevenp.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Prepares a PostgreSQL cluster for the schema, through a superuser connection: the owner role that
 * runs migrations, the request role the server serves requests through (neither superuser, owner nor
 * BYPASSRLS, so row-level security applies to it) and the database itself. Idempotent.
 *
 * <p>Used by the server's embedded mode and by the test fixture; a production cluster is prepared
 * by an operator with the server's {@code --prepare-database} (which also corrects roles it finds) or the SQL in
 * docs/operations.md.
 */
public final class ClusterBootstrap {

    private final String ownerRole;
    private final String requestRole;

    public ClusterBootstrap(String ownerRole, String requestRole) {
        this.ownerRole = plainIdentifier(ownerRole);
        this.requestRole = plainIdentifier(requestRole);
    }

    /** Creates both roles when missing and resets their attributes; the password applies to new roles only. */
    public void ensureRoles(Connection superuser, String password) throws SQLException {
        Objects.requireNonNull(password, "password");
        createRoleIfMissing(superuser, ownerRole, password);
        createRoleIfMissing(superuser, requestRole, password);
        try (Statement statement = superuser.createStatement()) {
            statement.execute("ALTER ROLE " + quote(ownerRole) + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS LOGIN");
            statement.execute("ALTER ROLE " + quote(requestRole)
                    + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT LOGIN");
            // The owner must not be a member of the request role: policies written for the request role
            // would then apply to the owner too (and to its SECURITY DEFINER functions). Earlier builds
            // granted it; take it back where it exists.
            if (isMember(superuser, ownerRole, requestRole)) {
                statement.execute("REVOKE " + quote(requestRole) + " FROM " + quote(ownerRole));
            }
        }
    }

    private static boolean isMember(Connection connection, String member, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pg_has_role(?, ?, 'MEMBER')")) {
            query.setString(1, member);
            query.setString(2, role);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Creates {@code database} owned by the owner role, copied from {@code template} when one is given. */
    public void createDatabase(Connection superuser, String database, String template) throws SQLException {
        String sql = "CREATE DATABASE " + quote(plainIdentifier(database)) + " OWNER " + quote(ownerRole)
                + (template == null ? "" : " TEMPLATE " + quote(plainIdentifier(template)));
        try (Statement statement = superuser.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Creates {@code database} unless it exists; returns whether it was created. */
    public boolean createDatabaseIfMissing(Connection superuser, String database) throws SQLException {
        try (PreparedStatement exists = superuser.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        createDatabase(superuser, database, null);
        return true;
    }

    public void dropDatabase(Connection superuser, String database) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(plainIdentifier(database)) + " WITH (FORCE)");
        }
    }

    private static void createRoleIfMissing(Connection connection, String role, String password) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        // CREATE ROLE takes no bind parameters: name and password travel in session settings into format().
        try (PreparedStatement settings = connection.prepareStatement(
                "SELECT set_config('sevenp.role_name', ?, false), set_config('sevenp.role_password', ?, false)")) {
            settings.setString(1, role);
            settings.setString(2, password);
            settings.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', "
                    + "current_setting('sevenp.role_name'), current_setting('sevenp.role_password')); END $$");
            statement.execute("RESET sevenp.role_password");
        }
    }

    private static String plainIdentifier(String name) {
        return RoleNames.requirePlain(name);
    }

    private static String quote(String identifier) {
        return RoleNames.quoted(identifier);
    }
}
