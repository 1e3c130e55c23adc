package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.server.db.DatabaseStartupException;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prepare-database} against a real PostgreSQL 15 of its own that asks every role but its bootstrap superuser
 * for a SCRAM password over TCP, as a packaged PostgreSQL does, so the passwords it sets are proven by logging in.
 * Each test prepares a database and roles of its own names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrepareDatabaseIT {

    private static final String ADMIN = "prep_admin";
    private static final String ADMIN_PASSWORD = "admin secret ' with a quote";
    private static final String CLOUD_ADMIN = "cloud_admin";
    private static final String PLAIN_USER = "plain_user";

    private Path folder;
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres(@TempDir Path folder) throws Exception {
        this.folder = folder;
        Path hba = folder.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            setUpRole(superuser, "CREATE ROLE prep_admin LOGIN SUPERUSER", ADMIN, ADMIN_PASSWORD);
            setUpRole(superuser, "CREATE ROLE cloud_admin LOGIN CREATEROLE CREATEDB", CLOUD_ADMIN, "cloud-secret");
            setUpRole(superuser, "CREATE ROLE plain_user LOGIN", PLAIN_USER, "plain-secret");
        }
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void preparesTwiceAndTheServerStartsOnIt() throws Exception {
        Map<String, String> environment = target("learning", "learning_owner", "learning_app");
        environment.put("PGUSER", ADMIN);
        environment.put("PGPASSWORD", ADMIN_PASSWORD);

        List<String> first = prepare(environment);
        List<String> second = prepare(environment);

        assertThat(first).containsExactly(
                "connected to PostgreSQL at localhost:" + postgres.getPort() + " as prep_admin (PGUSER)",
                "role learning_owner (schema owner): created",
                "role learning_owner (schema owner): password set from SEVENP_DB_PASSWORD",
                "role learning_app (request role): created",
                "role learning_app (request role): password set from SEVENP_DB_REQUEST_PASSWORD",
                "database learning: created, owned by learning_owner, encoding UTF8",
                CHECKED);
        assertThat(second).containsExactly(
                "connected to PostgreSQL at localhost:" + postgres.getPort() + " as prep_admin (PGUSER)",
                "role learning_owner (schema owner): exists; nothing to change",
                "role learning_owner (schema owner): password set from SEVENP_DB_PASSWORD",
                "role learning_app (request role): exists; nothing to change",
                "role learning_app (request role): password set from SEVENP_DB_REQUEST_PASSWORD",
                "database learning: exists, owned by learning_owner; nothing to change",
                CHECKED);
        assertThat(role("learning_owner")).isEqualTo(new RoleRow(true, false, false, false, false, true, true));
        assertThat(role("learning_app")).isEqualTo(new RoleRow(true, false, false, false, false, false, true));
        assertThat(database("learning")).isEqualTo(new DatabaseRow("learning_owner", "UTF8"));

        ServerConfig config = ServerConfig.from(environment, List.of());
        try (SyncServer server = SyncServer.start(new ServerConfig(0, config.database(), folder.resolve("server"),
                MaintenanceSchedule.DEFAULT, RunningServer.TEST_OPTIONS))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"databaseMode\":\"external\"");
        }
    }

    @Test
    void fixesAWronglyPreparedClusterAndSaysWhat() throws Exception {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE ROLE wrong_owner NOLOGIN");
            statement.execute("CREATE ROLE wrong_app LOGIN BYPASSRLS CREATEDB");
            statement.execute("GRANT wrong_owner TO wrong_app");
            statement.execute("CREATE DATABASE wrong_db OWNER wrong_app");
            statement.execute("REVOKE CONNECT ON DATABASE wrong_db FROM PUBLIC");
        }
        Map<String, String> environment = target("wrong_db", "wrong_owner", "wrong_app");
        environment.put("PGUSER", ADMIN);
        environment.put("PGPASSWORD", ADMIN_PASSWORD);

        List<String> report = prepare(environment);

        assertThat(report).containsExactly(
                "connected to PostgreSQL at localhost:" + postgres.getPort() + " as prep_admin (PGUSER)",
                "role wrong_owner (schema owner): exists; changed to LOGIN",
                "role wrong_owner (schema owner): password set from SEVENP_DB_PASSWORD",
                "role wrong_app (request role): exists; changed to NOBYPASSRLS NOCREATEDB NOINHERIT",
                "role wrong_app (request role): password set from SEVENP_DB_REQUEST_PASSWORD",
                "role wrong_app: no longer a member of wrong_owner",
                "database wrong_db: exists; owner changed from wrong_app to wrong_owner",
                "database wrong_db: the request role wrong_app may now connect",
                CHECKED);
        assertThat(role("wrong_app")).isEqualTo(new RoleRow(true, false, false, false, false, false, true));
    }

    @Test
    void aManagedServicesAdministratorWithoutSuperuserPreparesToo() throws Exception {
        Map<String, String> environment = target("cloud_db", "cloud_owner", "cloud_app");
        environment.put("PGUSER", CLOUD_ADMIN);
        environment.put("PGPASSWORD", "cloud-secret");

        List<String> report = prepare(environment);

        assertThat(report).containsExactly(
                "connected to PostgreSQL at localhost:" + postgres.getPort() + " as cloud_admin (PGUSER)",
                "role cloud_owner (schema owner): created",
                "role cloud_owner (schema owner): password set from SEVENP_DB_PASSWORD",
                "role cloud_app (request role): created",
                "role cloud_app (request role): password set from SEVENP_DB_REQUEST_PASSWORD",
                "role cloud_admin: now a member of cloud_owner (a non-superuser may give a database only to a role it"
                        + " belongs to)",
                "database cloud_db: created, owned by cloud_owner, encoding UTF8",
                CHECKED);
        assertThat(prepare(environment)).contains("role cloud_app (request role): exists; nothing to change",
                "database cloud_db: exists, owned by cloud_owner; nothing to change");
    }

    @Test
    void neverTakesRightsAwayFromAnAdministrator() throws Exception {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE ROLE other_super LOGIN SUPERUSER");
        }
        Map<String, String> itself = target("admin_db", ADMIN, "admin_app");
        itself.put("PGUSER", ADMIN);
        itself.put("PGPASSWORD", ADMIN_PASSWORD);
        Map<String, String> superuserAsRequestRole = target("super_db", "super_owner", "other_super");
        superuserAsRequestRole.put("PGUSER", ADMIN);
        superuserAsRequestRole.put("PGPASSWORD", ADMIN_PASSWORD);

        assertThatThrownBy(() -> prepare(itself))
                .hasMessage("SEVENP_DB_USER names 'prep_admin', the administrator this"
                        + " command logs in as; the server's schema owner must be a plain role of its own: choose another"
                        + " name (this command never takes rights away from an administrator)");
        assertThatThrownBy(() -> prepare(superuserAsRequestRole))
                .hasMessage("SEVENP_DB_REQUEST_USER names 'other_super', a superuser;"
                        + " the server's request role must be a plain role of its own: choose another name (this command"
                        + " never takes rights away from an administrator)");
        assertThat(role(ADMIN).superuser()).isTrue();
        assertThat(role("other_super").superuser()).isTrue();
    }

    @Test
    void theCommandLinePrintsTheReportAndExitsWithTheKindOfProblem() throws Exception {
        Map<String, String> environment = target("cli_db", "cli_owner", "cli_app");
        environment.put("PGUSER", ADMIN);
        environment.put("PGPASSWORD", ADMIN_PASSWORD);
        Map<String, String> wrongPassword = new HashMap<>(environment);
        wrongPassword.put("PGPASSWORD", "not it");

        try (ServerProcess prepared = ServerProcess.start(environment, "--prepare-database");
                ServerProcess embedded = ServerProcess.start(Map.of("PGUSER", ADMIN), "--prepare-database");
                ServerProcess refused = ServerProcess.start(wrongPassword, "--prepare-database")) {
            assertThat(prepared.exitCode(Duration.ofSeconds(60))).as(prepared.output()).isZero();
            assertThat(prepared.output()).contains("\ndatabase cli_db: created, owned by cli_owner, encoding UTF8\n");
            assertThat(prepared.stderrLines()).isEmpty();
            assertThat(embedded.exitCode(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(embedded.stderrLines()).singleElement().asString()
                    .startsWith("7P sync server: --prepare-database prepares an external PostgreSQL: set SEVENP_DB_URL");
            assertThat(refused.exitCode(Duration.ofSeconds(60))).isEqualTo(3);
            assertThat(refused.stderrLines()).singleElement().asString()
                    .startsWith("7P sync server: --prepare-database failed: cannot log in to PostgreSQL at localhost:"
                            + postgres.getPort() + " as the administrator 'prep_admin'");
        }
    }

    @Test
    void aWrongAdministratorPasswordIsExplained() {
        Map<String, String> environment = target("unused_db", "unused_owner", "unused_app");
        environment.put("PGUSER", ADMIN);
        environment.put("PGPASSWORD", "not it");

        assertThatThrownBy(() -> prepare(environment))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("cannot log in to PostgreSQL at localhost:" + postgres.getPort()
                        + " as the administrator 'prep_admin' (PGUSER, PGPASSWORD) to database 'postgres' (PGDATABASE): ")
                .hasMessageContaining("password authentication failed for user \"prep_admin\"")
                .hasMessageNotContaining("not it");
    }

    @Test
    void anAdministratorThatMayNotCreateRolesIsRefusedBeforeAnythingChanges() throws Exception {
        Map<String, String> environment = target("plain_db", "plain_owner", "plain_app");
        environment.put("PGUSER", PLAIN_USER);
        environment.put("PGPASSWORD", "plain-secret");

        assertThatThrownBy(() -> prepare(environment))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessage("'plain_user' (PGUSER) may not create roles and databases; log in as a superuser (postgres),"
                        + " or on a managed PostgreSQL as its administrator, a role with CREATEROLE and CREATEDB");
        assertThat(roleExists("plain_owner")).isFalse();
    }

    @Test
    void aPasswordThatPgHbaDoesNotGetIsReportedByTheFinalCheck() {
        Map<String, String> environment = target("nopass_db", "nopass_owner", "nopass_app");
        environment.put("SEVENP_DB_PASSWORD", "");
        environment.put("PGUSER", ADMIN);
        environment.put("PGPASSWORD", ADMIN_PASSWORD);

        assertThatThrownBy(() -> prepare(environment))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("asks for the password of the schema owner 'nopass_owner' (SEVENP_DB_USER);"
                        + " set SEVENP_DB_PASSWORD");
    }

    private static final String CHECKED = "checked: both roles log in with the configured passwords and the schema owner"
            + " may create the schema; the server migrates the database when it starts";

    /** The server's settings naming a database and two roles on this cluster. */
    private Map<String, String> target(String database, String owner, String request) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SEVENP_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
        environment.put("SEVENP_DB_USER", owner);
        environment.put("SEVENP_DB_PASSWORD", owner + " password");
        environment.put("SEVENP_DB_REQUEST_USER", request);
        environment.put("SEVENP_DB_REQUEST_PASSWORD", request + " password");
        return environment;
    }

    private List<String> prepare(Map<String, String> environment) {
        return PrepareDatabaseCommand.run(ServerConfig.from(environment, new ArrayList<>()), environment);
    }

    private record RoleRow(boolean login, boolean superuser, boolean bypassRls, boolean createDb, boolean createRole,
            boolean inherit, boolean scramPassword) {
    }

    private record DatabaseRow(String owner, String encoding) {
    }

    private RoleRow role(String name) throws Exception {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = superuser.prepareStatement("SELECT rolcanlogin, rolsuper, rolbypassrls,"
                        + " rolcreatedb, rolcreaterole, rolinherit, rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid"
                        + " WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("role %s exists", name).isTrue();
                return new RoleRow(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4),
                        row.getBoolean(5), row.getBoolean(6), row.getBoolean(7));
            }
        }
    }

    private boolean roleExists(String name) throws Exception {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = superuser.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private DatabaseRow database(String name) throws Exception {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = superuser.prepareStatement("SELECT pg_get_userbyid(datdba),"
                        + " pg_encoding_to_char(encoding) FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("database %s exists", name).isTrue();
                return new DatabaseRow(row.getString(1), row.getString(2));
            }
        }
    }

    /** A fixture role: created by the constant statement, its password set through a bind parameter. */
    private static void setUpRole(Connection superuser, String create, String role, String password) throws Exception {
        try (Statement statement = superuser.createStatement()) {
            statement.execute(create);
        }
        superuser.unwrap(org.postgresql.PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }
}
