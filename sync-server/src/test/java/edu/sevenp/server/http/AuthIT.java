package edu.sevenp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.RefreshRequest;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.model.protocol.TokenGrant;
import edu.sevenp.server.ServerOptions;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Accounts.SignedIn;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.MutableClock;
import edu.sevenp.server.testing.RunningServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Accounts and tokens over real HTTP against the real schema (docs/sync-protocol.md, section 4). */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private final MutableClock clock = new MutableClock(Instant.now());
    private RunningServer server;
    private Accounts accounts;

    @BeforeAll
    void start(TestDatabase database) {
        // Behind a trusted proxy, so that tests can sign in from several addresses.
        ServerOptions options = new ServerOptions("127.0.0.1", Optional.empty(), true, true, 1024, 1, Duration.ofDays(30),
                1024 * 1024);
        server = RunningServer.start(database, options, clock);
        accounts = new Accounts(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNewAccountIsALearnerAndTheAddressIsStoredInLowerCase() {
        Response response = server.client().post("/api/v1/auth/register",
                new RegisterRequest("Ana.Lima@Example.ORG", "correct horse battery", "Ana Lima"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("email").asText()).isEqualTo("ana.lima@example.org");
        assertThat(response.json().get("roles")).hasSize(1);
        assertThat(response.json().get("roles").get(0).asText()).isEqualTo("learner");
    }

    @Test
    void anAddressWithAnAccountCannotRegisterAgainInAnyCase() {
        SignedIn ana = accounts.learner("Ana");

        Response again = server.client().post("/api/v1/auth/register",
                new RegisterRequest(ana.email().toUpperCase(java.util.Locale.ROOT), "another password", "Ana"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("email_taken");
        assertThat(again.json().get("field").asText()).isEqualTo("email");
    }

    @Test
    void registrationExplainsEachBadField() {
        assertThat(register("not-an-address", "long enough", "Ana").json().get("field").asText()).isEqualTo("email");
        assertThat(register("a@example.org", "short", "Ana").json().get("field").asText()).isEqualTo("password");
        assertThat(register("a@example.org", "long enough", "   ").json().get("field").asText()).isEqualTo("name");
        assertThat(register("a@example.org", "long enough", "x".repeat(101)).status()).isEqualTo(422);
    }

    @Test
    void signingInGivesTokensThatOpenTheAccount() {
        SignedIn bea = accounts.learner("Bea");

        Response me = bea.api().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(bea.user().toString());
        assertThat(bea.grant().refreshToken()).hasSize(43);
        assertThat(bea.grant().accessTokenExpiresAt().toInstant()).isAfter(clock.instant().plus(Duration.ofMinutes(14)));
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        SignedIn cai = accounts.learner("Cai");

        Response wrong = login(cai.email(), "not the password", UUID.randomUUID(), "10.0.0.1");
        Response unknown = login("nobody@example.org", "not the password", UUID.randomUUID(), "10.0.0.1");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("invalid_credentials");
        assertThat(unknown.json().get("message")).isEqualTo(wrong.json().get("message"));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndReuseRevokesTheChain() {
        SignedIn dan = accounts.learner("Dan");
        String first = dan.grant().refreshToken();

        Response rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.as(TokenGrant.class).refreshToken();
        assertThat(second).isNotEqualTo(first);
        String third = refresh(second).as(TokenGrant.class).refreshToken();

        Response reused = refresh(first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.error()).isEqualTo("refresh_token_reused");

        Response afterTheft = refresh(third);
        assertThat(afterTheft.status()).as("the whole chain is revoked").isEqualTo(401);
        assertThat(afterTheft.error()).isEqualTo("refresh_token_invalid");
    }

    @Test
    void aRefreshWhoseAnswerWasLostIsAnsweredAgainWithTheSameSuccessor() {
        SignedIn eva = accounts.learner("Eva");
        String first = eva.grant().refreshToken();
        TokenGrant lost = refresh(first).as(TokenGrant.class);

        Response repeated = refresh(first);

        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        TokenGrant again = repeated.as(TokenGrant.class);
        assertThat(again.refreshToken()).isEqualTo(lost.refreshToken());
        assertThat(again.refreshTokenExpiresAt()).isEqualTo(lost.refreshTokenExpiresAt());
        assertThat(server.client().withToken(again.accessToken()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(refresh(again.refreshToken()).status()).as("the successor still works once").isEqualTo(200);
    }

    @Test
    void aRepeatIsReuseOnceTheSuccessorWasUsedOrFiveMinutesPassed() {
        SignedIn fay = accounts.learner("Fay");
        String first = fay.grant().refreshToken();
        String second = refresh(first).as(TokenGrant.class).refreshToken();
        Accounts.execute(server.database().superuser(), "UPDATE refresh_tokens SET revoked_at = now() - interval '6 minutes'"
                + " WHERE user_id = ? AND replaced_by IS NOT NULL", fay.user());

        Response late = refresh(first);

        assertThat(late.error()).isEqualTo("refresh_token_reused");
        assertThat(refresh(second).error()).as("the chain is revoked").isEqualTo("refresh_token_invalid");
    }

    @Test
    void aRefreshTokenThatIsNotOneIsRefusedWithoutTouchingTheDatabase() {
        assertThat(refresh("x").error()).isEqualTo("refresh_token_invalid");
        assertThat(refresh("' OR 1=1 --").error()).isEqualTo("refresh_token_invalid");
    }

    @Test
    void aRevokedDeviceIsToldSoOnItsNextRequest() {
        SignedIn eli = accounts.learner("Eli");
        SignedIn phone = accounts.signIn(eli.email(), UUID.randomUUID());

        assertThat(eli.api().delete("/api/v1/devices/" + phone.device()).status()).isEqualTo(204);

        Response next = phone.api().get("/api/v1/me");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error()).isEqualTo("device_revoked");
        assertThat(refresh(phone.grant().refreshToken()).status()).isEqualTo(401);
        assertThat(eli.api().get("/api/v1/me").status()).as("the other device goes on").isEqualTo(200);
        assertThat(login(eli.email(), Accounts.PASSWORD, phone.device(), "10.0.0.2").error()).isEqualTo("device_revoked");
    }

    @Test
    void devicesListTheAccountsInstallationsAndMarkTheCurrentOne() {
        SignedIn fay = accounts.learner("Fay");
        accounts.signIn(fay.email(), UUID.randomUUID());

        Response devices = fay.api().get("/api/v1/devices");

        assertThat(devices.json()).hasSize(2);
        assertThat(devices.json().findValuesAsText("current")).containsExactlyInAnyOrder("true", "false");
    }

    @Test
    void oneAccountCannotRevokeAnothersDevice() {
        SignedIn gus = accounts.learner("Gus");
        SignedIn hal = accounts.learner("Hal");

        assertThat(gus.api().delete("/api/v1/devices/" + hal.device()).status()).isEqualTo(404);
        assertThat(hal.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aDeviceIdOfAnotherAccountIsTaken() {
        SignedIn ida = accounts.learner("Ida");
        SignedIn jon = accounts.learner("Jon");

        Response taken = login(jon.email(), Accounts.PASSWORD, ida.device(), "10.0.0.3");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).isEqualTo("device_taken");
    }

    @Test
    void aSuspendedAccountLosesAccessAtOnceWhateverItsTokens() {
        SignedIn kim = accounts.learner("Kim");
        Accounts.execute(server.database().superuser(), "UPDATE users SET status = 'suspended' WHERE id = ?", kim.user());

        Response me = kim.api().get("/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.error()).isEqualTo("account_suspended");
        assertThat(refresh(kim.grant().refreshToken()).error()).isEqualTo("account_suspended");
        assertThat(login(kim.email(), Accounts.PASSWORD, kim.device(), "10.0.0.4").error()).isEqualTo("account_suspended");
    }

    @Test
    void anExpiredAccessTokenIsToldApartFromAForgedOne() {
        SignedIn lea = accounts.learner("Lea");
        String forged = JWT.create().withIssuer("sevenp").withSubject(lea.user().toString())
                .withClaim("did", lea.device().toString()).withExpiresAt(Date.from(clock.instant().plusSeconds(600)))
                .sign(Algorithm.HMAC256("a secret that is not the server's secret at all"));

        assertThat(server.client().withToken(forged).get("/api/v1/me").error()).isEqualTo("token_invalid");
        assertThat(server.client().withToken("not.a.jwt").get("/api/v1/me").error()).isEqualTo("token_invalid");
        assertThat(server.client().withHeader("Authorization", "Basic abc").get("/api/v1/me").error()).isEqualTo("token_invalid");
        assertThat(server.client().get("/api/v1/me").error()).isEqualTo("unauthenticated");

        clock.advance(Duration.ofMinutes(16));
        try {
            Response expired = lea.api().get("/api/v1/me");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.error()).isEqualTo("token_expired");
            Response refreshed = refresh(lea.grant().refreshToken());
            assertThat(server.client().withToken(refreshed.as(TokenGrant.class).accessToken()).get("/api/v1/me").status())
                    .isEqualTo(200);
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void failedSignInsFromOneAddressAreSlowedDown() {
        SignedIn max = accounts.learner("Max");
        for (int i = 0; i < 10; i++) {
            assertThat(login("guess" + i + "@example.org", "wrong password", UUID.randomUUID(), "10.9.9.9").status())
                    .isEqualTo(401);
        }

        Response slowed = login(max.email(), Accounts.PASSWORD, max.device(), "10.9.9.9");

        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.error()).isEqualTo("too_many_attempts");
        assertThat(slowed.header("Retry-After")).isNotNull();
        assertThat(login(max.email(), Accounts.PASSWORD, max.device(), "10.9.9.10").status())
                .as("the real user elsewhere is not locked out").isEqualTo(200);
    }

    @Test
    void guessingOneAccountFromManyAddressesSlowsOnlyUnknownDevices() {
        SignedIn ned = accounts.learner("Ned");
        for (int i = 0; i < 5; i++) {
            assertThat(login(ned.email(), "wrong password " + i, UUID.randomUUID(), "10.8.0." + i).status()).isEqualTo(401);
        }

        Response attacker = login(ned.email(), Accounts.PASSWORD, UUID.randomUUID(), "10.8.1.1");
        Response owner = login(ned.email(), Accounts.PASSWORD, ned.device(), "10.8.1.2");

        assertThat(attacker.status()).isEqualTo(429);
        assertThat(attacker.json().get("retryAfterSeconds").asInt()).isBetween(1, 60);
        assertThat(owner.status()).as("the account's own device signs in").isEqualTo(200);
    }

    private Response register(String email, String password, String name) {
        return server.client().post("/api/v1/auth/register", new RegisterRequest(email, password, name));
    }

    private Response login(String email, String password, UUID device, String address) {
        return server.client().withHeader("X-Forwarded-For", address).post("/api/v1/auth/login",
                new LoginRequest(email, password, new DeviceInfo(device, "Test device", "Linux", "test")));
    }

    private Response refresh(String token) {
        return server.client().post("/api/v1/auth/refresh", new RefreshRequest(token));
    }
}
