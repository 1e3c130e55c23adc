package edu.sevenp.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.model.protocol.TokenGrant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Makes accounts through the API and gives them roles beneath it (as the superuser, like an operator). */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A signed-in user on one device. */
    public record SignedIn(UUID user, UUID device, String email, TokenGrant grant, ApiClient api) {
        public String token() {
            return grant.accessToken();
        }
    }

    private final RunningServer server;

    public Accounts(RunningServer server) {
        this.server = server;
    }

    /** Registers a new learner and signs them in on a new device. */
    public SignedIn learner(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + NEXT.incrementAndGet()
                + "@example.org";
        ApiClient.Response registered = server.client().post("/api/v1/auth/register", new RegisterRequest(email, PASSWORD, name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return signIn(email, UUID.randomUUID());
    }

    public SignedIn instructor(String name) {
        SignedIn user = learner(name);
        grantRole(user.user(), "instructor");
        return user;
    }

    public SignedIn admin(String name) {
        SignedIn user = learner(name);
        grantRole(user.user(), "admin");
        return user;
    }

    /** Signs {@code email} in on {@code device}. */
    public SignedIn signIn(String email, UUID device) {
        ApiClient.Response response = server.client().post("/api/v1/auth/login",
                new LoginRequest(email, PASSWORD, new DeviceInfo(device, "Test device", "Linux", "test")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        TokenGrant grant = response.as(TokenGrant.class);
        return new SignedIn(grant.user().id(), device, email, grant, server.client().withToken(grant.accessToken()));
    }

    public void grantRole(UUID user, String role) {
        execute(server.database().superuser(), "INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?",
                user, role);
    }

    public static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
