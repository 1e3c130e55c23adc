package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.RolesRequest;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The first administrator, made on the command line as the schema owner (docs/operations.md). */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantRoleCommandIT {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private ServerConfig config;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        config = new ServerConfig(0, Optional.of(new DatabaseConfig(database.jdbcUrl(), PostgresCluster.OWNER_ROLE,
                database.cluster().rolePassword(), PostgresCluster.REQUEST_ROLE, database.cluster().rolePassword())),
                server.dataDirectory(), MaintenanceSchedule.DEFAULT, RunningServer.TEST_OPTIONS);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theGrantedAccountAdministersThroughTheApiAtOnce() {
        Accounts.SignedIn ana = accounts.learner("Ana");
        UUID other = accounts.learner("Ben").user();

        String first = new GrantRoleCommand("admin", ana.email().toUpperCase(Locale.ROOT)).run(config);
        String second = new GrantRoleCommand("admin", ana.email()).run(config);
        Response granted = ana.api().put("/api/v1/admin/users/" + other + "/roles",
                new RolesRequest(List.of("learner", "instructor"), null));

        assertThat(first).isEqualTo(ana.email() + " now holds the role admin.");
        assertThat(second).isEqualTo(ana.email() + " already holds the role admin; nothing changed.");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.as(AccountView.class).roles()).containsExactly("instructor", "learner");
    }

    @Test
    void anExpiredGrantIsRenewedForGood() {
        Accounts.SignedIn cai = accounts.admin("Cai");
        catalog.execute("UPDATE user_roles SET assigned_at = now() - interval '2 days', expires_at = now() - interval '1 day'"
                + " WHERE user_id = ?", cai.user());

        String renewed = new GrantRoleCommand("admin", cai.email()).run(config);

        assertThat(renewed).isEqualTo(cai.email() + " holds the role admin again, without an expiry.");
        assertThat(cai.api().get("/api/v1/me").as(AccountView.class).roles()).contains("admin");
    }

    @Test
    void anUnknownAddressIsExplained() {
        assertThatThrownBy(() -> new GrantRoleCommand("admin", "nobody@example.org").run(config))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("there is no account for nobody@example.org");
    }
}
