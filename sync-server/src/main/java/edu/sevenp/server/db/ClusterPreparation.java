package edu.sevenp.server.db;

import edu.sevenp.server.DatabaseAdmin;
import edu.sevenp.server.DatabaseConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code --prepare-database}: makes an external PostgreSQL ready for the server from an administrator's login, with
 * the names and passwords of the server's own configuration (docs/operations.md, "Preparing PostgreSQL"): the schema
 * owner, the request role (neither superuser, BYPASSRLS, owner nor a member of the owner) and the database, owned by
 * the schema owner. Idempotent: what exists is kept, only what is wrong is changed, and each run ends with the very
 * check a server start makes, so success means the server will start.
 *
 * <p>Statements that take no bind parameters (CREATE ROLE, ALTER ROLE, CREATE DATABASE, GRANT) are written by
 * PostgreSQL's {@code format()} from a constant template and the names as parameters ({@code %I} quotes them).
 * Passwords are hashed here (SCRAM-SHA-256, as psql's {@code \password} does), so no password reaches the server, its
 * log or {@code pg_stat_statements} in clear.
 */
public final class ClusterPreparation {

    /** One of the server's two roles: its name and password from the configuration, and how it must be made. */
    private record ServerRole(String name, String kind, String nameSetting, String password, String passwordSetting,
            String create, List<Attribute> attributes) {
    }

    /** An attribute a role must (or must not) have, the pg_roles column saying so, and the statement that fixes it. */
    private record Attribute(String column, boolean wanted, String keyword, String fix) {
    }

    private static final String CREATE_OWNER = "CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE";
    private static final String CREATE_REQUEST_ROLE =
            "CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT";
    private static final List<Attribute> OWNER_ATTRIBUTES = List.of(
            new Attribute("rolcanlogin", true, "LOGIN", "ALTER ROLE %I LOGIN"),
            new Attribute("rolbypassrls", false, "NOBYPASSRLS", "ALTER ROLE %I NOBYPASSRLS"),
            new Attribute("rolcreatedb", false, "NOCREATEDB", "ALTER ROLE %I NOCREATEDB"),
            new Attribute("rolcreaterole", false, "NOCREATEROLE", "ALTER ROLE %I NOCREATEROLE"));
    private static final List<Attribute> REQUEST_ATTRIBUTES = List.of(
            new Attribute("rolcanlogin", true, "LOGIN", "ALTER ROLE %I LOGIN"),
            new Attribute("rolbypassrls", false, "NOBYPASSRLS", "ALTER ROLE %I NOBYPASSRLS"),
            new Attribute("rolcreatedb", false, "NOCREATEDB", "ALTER ROLE %I NOCREATEDB"),
            new Attribute("rolcreaterole", false, "NOCREATEROLE", "ALTER ROLE %I NOCREATEROLE"),
            // As ClusterBootstrap makes it: it holds no other role's rights without SET ROLE.
            new Attribute("rolinherit", false, "NOINHERIT", "ALTER ROLE %I NOINHERIT"));

    private final DatabaseConfig target;
    private final DatabaseAdmin admin;
    private final PGSimpleDataSource adminSource;
    private final String server;
    private final String database;

    public ClusterPreparation(DatabaseConfig target, DatabaseAdmin admin) {
        this.target = Objects.requireNonNull(target, "target");
        this.admin = Objects.requireNonNull(admin, "admin");
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setURL(target.url());
        this.database = probe.getDatabaseName();
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("SEVENP_DB_URL must name the database to prepare, such as"
                    + " jdbc:postgresql://db.example.edu:5432/sevenp");
        }
        this.adminSource = dataSource(target.url(), admin.user(), admin.password());
        adminSource.setDatabaseName(admin.maintenanceDatabase());
        admin.host().ifPresent(host -> adminSource.setServerNames(new String[] {host}));
        admin.port().ifPresent(port -> adminSource.setPortNumbers(new int[] {port}));
        String host = adminSource.getServerNames().length == 0 ? "localhost" : adminSource.getServerNames()[0];
        int[] ports = adminSource.getPortNumbers();
        this.server = host + ":" + (ports.length == 0 || ports[0] == 0 ? 5432 : ports[0]);
    }

    /**
     * Prepares the cluster and answers what it found and did, one line each.
     *
     * @throws DatabaseStartupException naming the step that failed and PostgreSQL's words, or what the final check
     *         found (for example a pg_hba.conf that does not let a role in)
     */
    public List<String> run() {
        List<String> report = new ArrayList<>();
        try (Connection connection = loginAsAdmin()) {
            report.add("connected to PostgreSQL at " + server + " as " + admin.user() + " (PGUSER)");
            boolean superuser = stepWithResult("checking the rights of '" + admin.user() + "'", () -> checkAdmin(connection));
            step("preparing the schema owner", () -> ensureRole(connection, new ServerRole(target.user(), "schema owner",
                    "SEVENP_DB_USER", target.password(), "SEVENP_DB_PASSWORD", CREATE_OWNER, OWNER_ATTRIBUTES), report));
            step("preparing the request role", () -> ensureRole(connection, new ServerRole(target.requestUser(),
                    "request role", "SEVENP_DB_REQUEST_USER", target.requestPassword(), "SEVENP_DB_REQUEST_PASSWORD",
                    CREATE_REQUEST_ROLE, REQUEST_ATTRIBUTES), report));
            step("separating the two roles", () -> separateRoles(connection, report));
            step("preparing the database '" + database + "'", () -> ensureDatabase(connection, superuser, report));
        } catch (SQLException e) {
            throw new DatabaseStartupException("the administrator's connection to PostgreSQL at " + server + " failed: "
                    + LoginFailures.oneLine(e.getMessage()), e);
        }
        // The same check as at every start, with the server's own logins: it proves the passwords and pg_hba.conf too.
        new ExternalDatabaseCheck(target, dataSource(target.url(), target.user(), target.password()),
                dataSource(target.url(), target.requestUser(), target.requestPassword()),
                ServerDatabase.CONNECT_TIMEOUT_SECONDS).run();
        report.add("checked: both roles log in with the configured passwords and the schema owner may create the schema;"
                + " the server migrates the database when it starts");
        return report;
    }

    private Connection loginAsAdmin() {
        try {
            return adminSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot log in to PostgreSQL at " + server + " as the administrator '"
                    + admin.user() + "' (PGUSER, PGPASSWORD) to database '" + admin.maintenanceDatabase() + "' (PGDATABASE): "
                    + LoginFailures.oneLine(e.getMessage()), e);
        }
    }

    /** Whether the administrator is a superuser; fails unless it may create roles and databases. */
    private boolean checkAdmin(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            boolean superuser = row.getBoolean(1);
            if (!superuser && !(row.getBoolean(2) && row.getBoolean(3))) {
                throw new DatabaseStartupException("'" + admin.user() + "' (PGUSER) may not create roles and databases;"
                        + " log in as a superuser (postgres), or on a managed PostgreSQL as its administrator, a role with"
                        + " CREATEROLE and CREATEDB");
            }
            return superuser;
        }
    }

    private void ensureRole(Connection connection, ServerRole spec, List<String> report) throws SQLException {
        String role = spec.name();
        String who = "role " + role + " (" + spec.kind() + ")";
        List<String> changed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT rolcanlogin, rolsuper, rolbypassrls, rolcreatedb,"
                + " rolcreaterole, rolinherit, rolname = current_user FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                boolean exists = row.next();
                if (exists && (row.getBoolean(7) || row.getBoolean("rolsuper"))) {
                    // Taking rights away from an administrator could lock the operator out of their own cluster.
                    throw new DatabaseStartupException(spec.nameSetting() + " names '" + role
                            + "', " + (row.getBoolean(7) ? "the administrator this command logs in as" : "a superuser")
                            + "; the server's " + spec.kind() + " must be a plain role of its own: choose another name (this"
                            + " command never takes rights away from an administrator)");
                }
                if (!exists) {
                    execute(connection, spec.create(), role);
                    report.add(who + ": created");
                } else {
                    for (Attribute attribute : spec.attributes()) {
                        if (row.getBoolean(attribute.column()) != attribute.wanted()) {
                            // One constant statement per attribute: a non-superuser administrator may change most of
                            // them, and is asked to change only what is wrong.
                            execute(connection, attribute.fix(), role);
                            changed.add(attribute.keyword());
                        }
                    }
                    report.add(who + ": exists; " + (changed.isEmpty() ? "nothing to change"
                            : "changed to " + String.join(" ", changed)));
                }
            }
        }
        if (!spec.password().isEmpty()) {
            connection.unwrap(PGConnection.class).alterUserPassword(role, spec.password().toCharArray(), "scram-sha-256");
            report.add(who + ": password set from " + spec.passwordSetting());
        } else {
            report.add(who + ": no password set (" + spec.passwordSetting() + " is empty), so it logs in only where pg_hba.conf"
                    + " asks for none");
        }
    }

    /** Neither role may be a member of the other (ExternalDatabaseCheck says why); direct memberships are revoked. */
    private void separateRoles(Connection connection, List<String> report) throws SQLException {
        String owner = target.user();
        String request = target.requestUser();
        if (isDirectMember(connection, request, owner)) {
            execute(connection, "REVOKE %I FROM %I", owner, request);
            report.add("role " + request + ": no longer a member of " + owner);
        }
        if (isDirectMember(connection, owner, request)) {
            execute(connection, "REVOKE %I FROM %I", request, owner);
            report.add("role " + owner + ": no longer a member of " + request);
        }
    }

    private static boolean isDirectMember(Connection connection, String member, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_auth_members m"
                + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                + " WHERE r.rolname = ? AND u.rolname = ?)")) {
            query.setString(1, role);
            query.setString(2, member);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private void ensureDatabase(Connection connection, boolean superuser, List<String> report) throws SQLException {
        String owner = target.user();
        String who = "database " + database;
        try (PreparedStatement query = connection.prepareStatement("SELECT o.rolname, pg_encoding_to_char(d.encoding)"
                + " FROM pg_database d JOIN pg_roles o ON o.oid = d.datdba WHERE d.datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    mayActAs(connection, superuser, owner, report);
                    // From template0 with UTF8, so the database does not depend on what template1 holds or encodes.
                    execute(connection, "CREATE DATABASE %I OWNER %I ENCODING 'UTF8' TEMPLATE template0", database, owner);
                    report.add(who + ": created, owned by " + owner + ", encoding UTF8");
                } else {
                    String encoding = row.getString(2);
                    if (!row.getString(1).equals(owner)) {
                        mayActAs(connection, superuser, owner, report);
                        execute(connection, "ALTER DATABASE %I OWNER TO %I", database, owner);
                        report.add(who + ": exists; owner changed from " + row.getString(1) + " to " + owner);
                    } else {
                        report.add(who + ": exists, owned by " + owner + "; nothing to change");
                    }
                    if (!encoding.equals("UTF8")) {
                        report.add(who + ": WARNING: its encoding is " + encoding + ", not UTF8; text outside "
                                + encoding + " will be refused. Better: a new database, which this command creates in UTF8");
                    }
                }
            }
        }
        // A hardened cluster may have revoked CONNECT from PUBLIC; the request role needs it, the owner has it.
        try (PreparedStatement query = connection.prepareStatement("SELECT has_database_privilege(?, ?, 'CONNECT')")) {
            query.setString(1, target.requestUser());
            query.setString(2, database);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    execute(connection, "GRANT CONNECT ON DATABASE %I TO %I", database, target.requestUser());
                    report.add(who + ": the request role " + target.requestUser() + " may now connect");
                }
            }
        }
    }

    /**
     * A non-superuser may give a database only to a role it is a member of (PostgreSQL 15); managed services' own
     * administrators are such roles, so the administrator joins the schema owner, as their guides have it done.
     */
    private void mayActAs(Connection connection, boolean superuser, String owner, List<String> report) throws SQLException {
        if (superuser) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_has_role(current_user, ?, 'MEMBER')")) {
            query.setString(1, owner);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    execute(connection, "GRANT %I TO CURRENT_USER", owner);
                    report.add("role " + admin.user() + ": now a member of " + owner
                            + " (a non-superuser may give a database only to a role it belongs to)");
                }
            }
        }
    }

    /** Runs {@code template} with its {@code %I} placeholders filled by PostgreSQL's format(), which quotes the names. */
    private static void execute(Connection connection, String template, String... identifiers) throws SQLException {
        String statement;
        try (PreparedStatement format = connection.prepareStatement("SELECT format(?, VARIADIC ?)")) {
            Array names = connection.createArrayOf("text", identifiers);
            format.setString(1, template);
            format.setArray(2, names);
            try (ResultSet row = format.executeQuery()) {
                row.next();
                statement = row.getString(1);
            }
        }
        try (Statement ddl = connection.createStatement()) {
            // Written by format() above from a constant template; CREATE DATABASE may not run in a transaction block.
            ddl.execute(statement);
        }
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    private interface VoidStep {
        void run() throws SQLException;
    }

    private static <T> T stepWithResult(String what, Step<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw new DatabaseStartupException(what + " failed: " + LoginFailures.oneLine(e.getMessage()), e);
        }
    }

    private static void step(String what, VoidStep step) {
        stepWithResult(what, () -> {
            step.run();
            return null;
        });
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setConnectTimeout(ServerDatabase.CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(ServerDatabase.CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }
}
