package edu.sevenp.desktop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.sync.CredentialStore;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.MediaBody;
import edu.sevenp.desktop.sync.ServerContact;
import edu.sevenp.desktop.sync.ServerEvents;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol's client side against scripted answers: tokens, failures in plain words, ranges. */
class HttpSyncApiTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID DEVICE = UUID.fromString("00000000-0000-4000-8000-0000000000d1");

    private final MockWebServer server = new MockWebServer();
    private final MemoryCredentials credentials = new MemoryCredentials();
    private HttpSyncApi api;

    @BeforeEach
    void start() throws IOException {
        server.start();
        api = new HttpSyncApi(server.url("/").uri(), new DeviceInfo(DEVICE, "Laptop", "Linux", "0.1.0"), credentials,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void contactMeasuresHowFarThisClockIsFromTheServers() {
        server.enqueue(json(200, "{\"name\":\"7P sync server\",\"protocol\":{\"min\":1,\"max\":1},\"registration\":\"open\","
                + "\"serverTime\":\"2026-12-03T09:00:00Z\"}"));

        ServerContact contact = api.contact();

        assertThat(contact.clockOffset()).isEqualTo(Duration.ofHours(48));
        assertThat(contact.info().registration()).isEqualTo("open");
    }

    @Test
    void aServerOfAnotherProtocolVersionIsToldApartClearly() {
        server.enqueue(json(200, "{\"name\":\"7P\",\"protocol\":{\"min\":2,\"max\":3},\"registration\":\"open\","
                + "\"serverTime\":\"2026-12-05T09:00:00Z\"}"));
        server.enqueue(json(426, "{\"error\":\"unsupported_protocol_version\",\"message\":\"no\",\"supported\":{\"min\":2,\"max\":3}}"));
        signedIn();

        assertThatThrownBy(api::contact).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL_MISMATCH);
            assertThat(failure.getMessage()).contains("speaks sync protocol 1", "2 to 3", "nothing here is lost");
        });
        server.enqueue(grant("access-1", "refresh-2"));
        assertThatThrownBy(this::pull).isInstanceOfSatisfying(SyncFailure.class, failure ->
                assertThat(failure.kind()).isEqualTo(Kind.PROTOCOL_MISMATCH));
    }

    @Test
    void everySignedInRequestCarriesTheProtocolVersionAndAFreshToken() throws InterruptedException {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(json(200, emptyPull()));

        pull();

        RecordedRequest refresh = server.takeRequest();
        assertThat(refresh.getPath()).isEqualTo("/api/v1/auth/refresh");
        assertThat(refresh.getBody().readUtf8()).isEqualTo("{\"refreshToken\":\"refresh-1\"}");
        RecordedRequest pull = server.takeRequest();
        assertThat(pull.getHeader("Authorization")).isEqualTo("Bearer access-1");
        assertThat(pull.getHeader("X-SevenP-Protocol")).isEqualTo("1");
        assertThat(credentials.load().orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void anAccessTokenThatExpiredInFlightIsRefreshedAndTheRequestRepeatedOnce() throws InterruptedException {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(json(401, "{\"error\":\"token_expired\",\"message\":\"The access token expired\"}"));
        server.enqueue(grant("access-2", "refresh-3"));
        server.enqueue(json(200, emptyPull()));

        PullResponse answer = pull();

        assertThat(answer.more()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(4);
        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getBody().readUtf8()).contains("refresh-2");
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer access-2");
        assertThat(credentials.load().orElseThrow().refreshToken()).isEqualTo("refresh-3");
    }

    @Test
    void aReusedRefreshTokenMeansSigningInAgainAndKeepsNothingHalfDone() {
        signedIn();
        server.enqueue(json(401, "{\"error\":\"refresh_token_reused\",\"message\":\"This refresh token was already used\"}"));

        assertThatThrownBy(this::pull).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.SIGNED_OUT);
            assertThat(failure.kind().transientFailure()).isFalse();
            assertThat(failure.getMessage()).startsWith("Sign in again to sync");
        });
        assertThat(server.getRequestCount()).as("no pull without a token").isEqualTo(1);
    }

    @Test
    void aRevokedDeviceIsToldSoInPlainWords() {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(json(401, "{\"error\":\"device_revoked\",\"message\":\"revoked\"}"));

        assertThatThrownBy(this::pull).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.DEVICE_REVOKED);
            assertThat(failure.getMessage()).contains("signed out", "Everything here is kept");
        });
    }

    @Test
    void aClosedPortIsOfflineAndWorthTryingAgain() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpSyncApi offline = new HttpSyncApi(URI.create("http://127.0.0.1:" + closed + "/"),
                new DeviceInfo(DEVICE, "Laptop", "Linux", "0.1.0"), credentials, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(offline::contact).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(failure.kind().transientFailure()).isTrue();
            assertThat(failure.getMessage()).contains("offline", "kept");
        });
    }

    @Test
    void anAnswerCutShortIsANetworkFailureNotAnAnswer() {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(json(200, emptyPull()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThatThrownBy(this::pull).isInstanceOfSatisfying(SyncFailure.class, failure ->
                assertThat(failure.kind()).isEqualTo(Kind.NETWORK));
    }

    @Test
    void aBusyServerSaysHowLongToWait() {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7").setBody("<html>proxy</html>"));

        assertThatThrownBy(this::pull).isInstanceOfSatisfying(SyncFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.SERVER_BUSY);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        });
    }

    @Test
    void mediaResumesWithARangeAndKnowsWhereTheBytesStart() throws Exception {
        signedIn();
        String hash = "a".repeat(64);
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(new MockResponse().setResponseCode(206).setHeader("Content-Range", "bytes 10-14/15").setBody("klmno"));

        try (MediaBody body = api.media(hash, 10)) {
            assertThat(body.start()).isEqualTo(10);
            assertThat(body.totalSize()).isEqualTo(15);
            assertThat(new String(body.stream().readAllBytes())).isEqualTo("klmno");
        }
        server.takeRequest();
        RecordedRequest media = server.takeRequest();
        assertThat(media.getPath()).isEqualTo("/api/v1/media/" + hash);
        assertThat(media.getHeader("Range")).isEqualTo("bytes=10-");
        assertThat(media.getHeader("If-Range")).isEqualTo("\"" + hash + "\"");
    }

    @Test
    void aServerThatIgnoresTheRangeSendsTheWholeFileFromByteZero() throws Exception {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(new MockResponse().setResponseCode(200).setBody("abcdefghijklmno"));

        try (MediaBody body = api.media("b".repeat(64), 10)) {
            assertThat(body.start()).isZero();
            assertThat(body.totalSize()).isEqualTo(15);
        }
    }

    @Test
    void signingOutOfflineStillForgetsTheCredentials() throws IOException {
        signedIn();
        server.shutdown();

        assertThatThrownBy(api::signOut).isInstanceOf(SyncFailure.class);
        assertThat(credentials.load()).isEmpty();
    }

    @Test
    void thePushChannelsSignedOutSaysWhyInTheServersWordsOnceAndThatNothingIsLost() throws Exception {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream").setBody("event: signed-out\n"
                + "data: {\"message\":\"This device was signed out of the account; sign in again.\"}\n\n"));
        List<SyncFailure> told = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);

        try (AutoCloseable channel = api.listen(new ServerEvents() {
            @Override
            public void opened() {
            }

            @Override
            public void changed(List<String> streams) {
            }

            @Override
            public void closed(SyncFailure failure) {
                told.add(failure);
                closed.countDown();
            }
        })) {
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // time for a second report, were there one
        }

        assertThat(told).extracting(SyncFailure::kind, SyncFailure::getMessage).containsExactly(tuple(Kind.DEVICE_REVOKED,
                "The server ended this computer's sign-in: This device was signed out of the account; sign in again."
                        + " Everything here is kept."));
    }

    @Test
    void trafficCountsBothWays() {
        server.enqueue(json(200, "{\"name\":\"7P\",\"protocol\":{\"min\":1,\"max\":1},\"registration\":\"open\","
                + "\"serverTime\":\"2026-12-05T09:00:00Z\"}"));

        api.contact();

        assertThat(api.traffic().sent()).isPositive();
        assertThat(api.traffic().received()).isGreaterThan(90);
    }

    @Test
    void theAccountsDevicesAreReadAndOneRevokedWithTheSignedInToken() throws InterruptedException {
        signedIn();
        server.enqueue(grant("access-1", "refresh-2"));
        server.enqueue(json(200, "[{\"id\":\"" + DEVICE + "\",\"name\":\"Laptop\",\"platform\":\"Linux\","
                + "\"appVersion\":\"0.1.0\",\"registeredAt\":\"2026-12-01T09:00:00Z\",\"lastSeenAt\":\"2026-12-05T08:00:00Z\","
                + "\"revokedAt\":null,\"current\":true}]"));
        server.enqueue(new MockResponse().setResponseCode(204));
        UUID other = UUID.fromString("00000000-0000-4000-8000-0000000000d2");

        List<edu.sevenp.model.protocol.DeviceView> devices = api.devices();
        api.revokeDevice(other);

        assertThat(devices).containsExactly(new edu.sevenp.model.protocol.DeviceView(DEVICE, "Laptop", "Linux", "0.1.0",
                OffsetDateTime.parse("2026-12-01T09:00:00Z"), OffsetDateTime.parse("2026-12-05T08:00:00Z"), null, true));
        server.takeRequest();
        RecordedRequest list = server.takeRequest();
        assertThat(list.getMethod() + " " + list.getPath()).isEqualTo("GET /api/v1/devices");
        RecordedRequest revoke = server.takeRequest();
        assertThat(revoke.getMethod() + " " + revoke.getPath()).isEqualTo("DELETE /api/v1/devices/" + other);
        assertThat(revoke.getHeader("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void aRegistrationTheServerRefusesSaysWhatToChange() {
        String info = "{\"name\":\"7P\",\"protocol\":{\"min\":1,\"max\":1},\"registration\":\"open\","
                + "\"serverTime\":\"2026-12-05T09:00:00Z\"}";
        server.enqueue(json(200, info));
        server.enqueue(json(422, "{\"error\":\"validation_failed\",\"message\":\"password must be 8 to 200 characters,"
                + " not only spaces\",\"field\":\"password\"}"));
        server.enqueue(json(200, info));
        server.enqueue(json(409, "{\"error\":\"email_taken\",\"message\":\"There is already an account\"}"));
        server.enqueue(json(200, info.replace("open", "closed")));

        assertThatThrownBy(() -> api.register("ana@example.org", "short".toCharArray(), "Ana"))
                .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                    assertThat(failure.getMessage()).isEqualTo("The password must be 8 to 200 characters long, and not only"
                            + " spaces.");
                    assertThat(failure.field()).contains("password");
                });
        assertThatThrownBy(() -> api.register("ana@example.org", "long enough".toCharArray(), "Ana"))
                .hasMessage("There is already an account for ana@example.org. Sign in with it instead, or use another"
                        + " e-mail address.");
        assertThatThrownBy(() -> api.register("ana@example.org", "long enough".toCharArray(), "Ana"))
                .hasMessage("This server does not take new accounts. Ask its administrator for one, then sign in.");
        assertThat(server.getRequestCount()).as("no password sent to a server that makes no accounts").isEqualTo(5);
    }

    private PullResponse pull() {
        return api.pull(new PullRequest(Map.of("user", "1.0"), null));
    }

    private void signedIn() {
        credentials.save(new Credentials(server.url("/").uri(), USER, "ana@example.org", "Ana", DEVICE, "refresh-1",
                OffsetDateTime.parse("2027-03-01T00:00:00Z")));
    }

    private static String emptyPull() {
        return "{\"serverTime\":\"2026-12-05T09:00:00Z\",\"streams\":[],\"revoked\":[],\"more\":false}";
    }

    private static MockResponse grant(String access, String refresh) {
        return json(200, "{\"accessToken\":\"" + access + "\",\"accessTokenExpiresAt\":\"2026-12-05T09:15:00Z\","
                + "\"refreshToken\":\"" + refresh + "\",\"refreshTokenExpiresAt\":\"2027-03-05T09:00:00Z\","
                + "\"user\":{\"id\":\"" + USER + "\",\"email\":\"ana@example.org\",\"name\":\"Ana\",\"roles\":[\"learner\"],"
                + "\"status\":\"active\"},\"deviceId\":\"" + DEVICE + "\"}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body)
                .setBodyDelay(0, TimeUnit.MILLISECONDS);
    }

    /** Credentials kept in memory for the test. */
    static final class MemoryCredentials implements CredentialStore {

        private Credentials held;

        @Override
        public synchronized Optional<Credentials> load() {
            return Optional.ofNullable(held);
        }

        @Override
        public synchronized void save(Credentials credentials) {
            held = credentials;
        }

        @Override
        public synchronized void clear() {
            held = null;
        }
    }
}
