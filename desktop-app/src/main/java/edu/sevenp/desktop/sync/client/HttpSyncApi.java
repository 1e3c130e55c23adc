package edu.sevenp.desktop.sync.client;

import edu.sevenp.desktop.failure.FailureWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.network.NetworkSettings;
import edu.sevenp.desktop.network.TrustedCertificates;
import edu.sevenp.desktop.sync.Cancellation;
import edu.sevenp.desktop.sync.CatalogSearch;
import edu.sevenp.desktop.sync.CredentialStore;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.MediaBody;
import edu.sevenp.desktop.sync.PublishVerdict;
import edu.sevenp.desktop.sync.ServerContact;
import edu.sevenp.desktop.sync.ServerEvents;
import edu.sevenp.desktop.sync.SyncApi;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.desktop.sync.UploadProgress;
import edu.sevenp.model.protocol.ApiError;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.ProtocolVersion;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Recommendation;
import edu.sevenp.model.protocol.RefreshRequest;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.model.protocol.ServerInfo;
import edu.sevenp.model.protocol.TokenGrant;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The sync protocol over HTTP with OkHttp (docs/sync-protocol.md). One instance per profile and server; it
 * is safe to use from several threads. Signed-in requests carry a fresh access token, and a request answered
 * 401 {@code token_expired} is refreshed and repeated once.
 */
public final class HttpSyncApi implements SyncApi {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String API = "api/v1/";
    private static final Duration PUBLISH_ANSWER_TIMEOUT = Duration.ofMinutes(10);

    private final URI server;
    private final HttpUrl base;
    private final OkHttpClient http;
    /** For publishing: the server checks a whole package before it answers, which may take minutes for a large one. */
    private final OkHttpClient publishing;
    private final ObjectMapper json = JsonMapperFactory.create();
    private final DeviceInfo device;
    private final Tokens tokens;
    private final TrafficMeter meter = new TrafficMeter();
    private final Clock clock;
    /** This device's clock minus the server's, as the last contact measured it (zero before one). */
    private volatile Duration clockOffset = Duration.ZERO;

    /**
     * @param server the server's address, such as {@code https://sync.example.org/} (a path prefix is kept)
     * @param device this installation, as it signs in
     */
    public HttpSyncApi(URI server, DeviceInfo device, CredentialStore credentials, Clock clock) {
        this(server, device, credentials, clock, defaultClient());
    }

    /** As above, connecting through an institution's proxies and trusting its certificates too. */
    public HttpSyncApi(URI server, DeviceInfo device, CredentialStore credentials, Clock clock, NetworkSettings network) {
        this(server, device, credentials, clock, client(network));
    }

    HttpSyncApi(URI server, DeviceInfo device, CredentialStore credentials, Clock clock, OkHttpClient client) {
        this.server = Objects.requireNonNull(server, "server");
        HttpUrl url = HttpUrl.get(server.toString());
        this.base = url.pathSegments().get(url.pathSegments().size() - 1).isEmpty() ? url : url.newBuilder().addPathSegment("").build();
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Token lifetimes are server times: a device clock two days ahead would find every token expired.
        this.tokens = new Tokens(credentials, new ServerClock());
        this.http = client.newBuilder().eventListener(meter).build();
        this.publishing = http.newBuilder().readTimeout(PUBLISH_ANSWER_TIMEOUT).build();
    }

    /** Short connect timeout (an offline laptop learns it at once), generous reads (a page is up to 1 MiB). */
    static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    /** The default client with an institution's proxies and extra trusted certificates, where it has them. */
    static OkHttpClient client(NetworkSettings network) {
        OkHttpClient.Builder builder = defaultClient().newBuilder();
        network.proxies().ifPresent(proxies -> builder.proxySelector(proxies.selector()));
        network.trusted().ifPresent(trusted -> {
            X509TrustManager trustManager = trusted.trustManager();
            builder.sslSocketFactory(TrustedCertificates.tlsContext(trustManager).getSocketFactory(), trustManager);
        });
        return builder.build();
    }

    @Override
    public ServerContact contact() {
        Instant sent = clock.instant();
        ServerInfo info = exchange(new Request.Builder().url(base.resolve("api/info")).get(), ServerInfo.class);
        Instant received = clock.instant();
        Duration roundTrip = Duration.between(sent, received);
        Instant midpoint = sent.plus(roundTrip.dividedBy(2));
        if (info.protocol() != null && !supportsOurs(info)) {
            throw SyncFailure.of(Kind.PROTOCOL_MISMATCH, FailureWords.of(SyncFailure.class).text("protocolMismatchOf",
                    ProtocolVersion.CURRENT, server.toString(), info.protocol().min(), info.protocol().max()));
        }
        clockOffset = Duration.between(info.serverTime().toInstant(), midpoint);
        return new ServerContact(info, clockOffset, roundTrip);
    }

    @Override
    public AccountView register(String email, char[] password, String name) {
        ServerInfo info = contact().info();
        if ("closed".equals(info.registration())) {
            throw new SyncFailure(Kind.REFUSED, "registration_closed", Failures.registrationClosed(), null, null);
        }
        try {
            return exchange(post("auth/register", new RegisterRequest(email, new String(password), name)), AccountView.class);
        } catch (SyncFailure refused) {
            throw Failures.ofRegistration(refused, email);
        }
    }

    @Override
    public Credentials signIn(String email, char[] password) {
        TokenGrant grant = exchange(post("auth/login", new LoginRequest(email, new String(password), device)),
                TokenGrant.class);
        Credentials credentials = new Credentials(server, grant.user().id(), grant.user().email(), grant.user().name(),
                grant.deviceId(),
                grant.refreshToken(), grant.refreshTokenExpiresAt());
        return tokens.signedIn(credentials, grant);
    }

    @Override
    public void signOut() {
        try {
            signedIn(post("auth/logout", null), Void.class);
        } finally {
            // Forgotten here even when the server cannot be told: signing out must always work offline.
            tokens.forget();
        }
    }

    @Override
    public List<DeviceView> devices() {
        return List.of(signedIn(api("devices").get(), DeviceView[].class));
    }

    @Override
    public void revokeDevice(UUID device) {
        signedIn(api("devices/" + Objects.requireNonNull(device, "device")).delete(), Void.class);
    }

    @Override
    public PushResponse push(PushRequest request) {
        return signedIn(post("sync/push", request), PushResponse.class);
    }

    @Override
    public PullResponse pull(PullRequest request) {
        return signedIn(post("sync/pull", request), PullResponse.class);
    }

    @Override
    public MediaBody media(String sha256, long from) {
        Request.Builder request = api("media/" + sha256).get();
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-").header("If-Range", "\"" + sha256 + "\"");
        }
        Response response = signedInResponse(request);
        try {
            if (response.code() == 416) {
                // What is here already reaches past the file: start again from the beginning.
                response.close();
                return media(sha256, 0);
            }
            if (!response.isSuccessful()) {
                throw failure(response);
            }
            ResponseBody body = response.body();
            long length = body.contentLength();
            long start = response.code() == 206 ? from : 0;
            long total = response.code() == 206 ? totalOf(response.header("Content-Range"), start + length) : length;
            return new OkMediaBody(response, start, total);
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    @Override
    public List<Recommendation> recommendations(int limit) {
        return List.of(signedIn(api("recommendations?limit=" + limit).get(), Recommendation[].class));
    }

    @Override
    public CatalogPage catalog(CatalogSearch search) {
        HttpUrl.Builder url = base.resolve(API + "catalog").newBuilder();
        if (search.text() != null) {
            url.addQueryParameter("q", search.text());
        }
        if (search.category() != null) {
            url.addQueryParameter("category", search.category());
        }
        if (search.difficulty() != null) {
            url.addQueryParameter("difficulty", search.difficulty());
        }
        url.addQueryParameter("page", Integer.toString(search.page()))
                .addQueryParameter("pageSize", Integer.toString(search.pageSize()));
        return signedIn(api(url.build()).get(), CatalogPage.class);
    }

    @Override
    public List<CategoryView> categories() {
        return List.of(signedIn(api("catalog/categories").get(), CategoryView[].class));
    }

    @Override
    public CourseDetail course(UUID course) {
        return signedIn(api("courses/" + course).get(), CourseDetail.class);
    }

    @Override
    public EnrollmentRow enroll(UUID course) {
        return signedIn(post("courses/" + course + "/enrollment", null), EnrollmentRow.class);
    }

    @Override
    public List<CourseFigures> instructorCourses() {
        return List.of(signedIn(api("instructor/courses").get(), CourseFigures[].class));
    }

    @Override
    public CourseStatistics courseStatistics(UUID course) {
        return signedIn(api("instructor/courses/" + course + "/statistics").get(), CourseStatistics.class);
    }

    @Override
    public PublishVerdict publish(Path zip, String summary, UploadProgress progress, Cancellation cancellation) {
        HttpUrl.Builder url = base.resolve(API + "courses/publish").newBuilder();
        if (summary != null && !summary.isBlank()) {
            url.addQueryParameter("summary", summary.strip());
        }
        PackageUpload body;
        try {
            body = new PackageUpload(zip, progress, cancellation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the course package " + zip, e);
        }
        try (Response response = signedInResponse(api(url.build()).post(body), publishing, cancellation)) {
            return verdict(response, cancellation);
        }
    }

    /** 2xx: published. A refusal that concerns the package or the account's right to publish: the server's verdict. */
    private PublishVerdict verdict(Response response, Cancellation cancellation) {
        if (response.isSuccessful()) {
            return new PublishVerdict.Accepted(read(response, PublishResult.class));
        }
        String body;
        try {
            body = response.body().string();
        } catch (IOException e) {
            throw cancellation.cancelled() ? cancelled(e) : Failures.ofIo(server.toString(), e);
        }
        ApiError error = Failures.read(body, json);
        int status = response.code();
        if (error != null && error.error() != null && Failures.aboutThePublication(status, error.error())) {
            return new PublishVerdict.Refused(status, error.error(),
                    error.message() == null ? "the server answered " + status : error.message(),
                    Optional.ofNullable(error.field()), error.problems() == null ? List.of() : error.problems());
        }
        throw Failures.ofAnswer(status, body, Optional.ofNullable(response.header("Retry-After")), json);
    }

    private static CancellationException cancelled(IOException e) {
        CancellationException cancelled = new CancellationException("The upload was cancelled");
        cancelled.initCause(e);
        return cancelled;
    }

    @Override
    public AutoCloseable listen(ServerEvents events) {
        return EventChannel.open(http, api("events").header("Accept", "text/event-stream"), tokens, this::refresh,
                events, json, server.toString());
    }

    @Override
    public Traffic traffic() {
        return meter.total();
    }

    private boolean supportsOurs(ServerInfo info) {
        return info.protocol().min() <= ProtocolVersion.CURRENT && ProtocolVersion.CURRENT <= info.protocol().max();
    }

    private Request.Builder api(String path) {
        return api(base.resolve(API + path));
    }

    private static Request.Builder api(HttpUrl url) {
        return new Request.Builder().url(url).header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
    }

    private Request.Builder post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a protocol message could not be written as JSON", e);
        }
        return api(path).post(RequestBody.create(bytes, JSON));
    }

    private TokenGrant refresh(String refreshToken) {
        return exchange(post("auth/refresh", new RefreshRequest(refreshToken)), TokenGrant.class);
    }

    private <T> T signedIn(Request.Builder request, Class<T> type) {
        try (Response response = signedInResponse(request)) {
            return read(response, type);
        }
    }

    private Response signedInResponse(Request.Builder request) {
        return signedInResponse(request, http, null);
    }

    /**
     * Sends with the current access token; on 401 {@code token_expired}, refreshes and sends once more.
     *
     * @param cancellation stops the call (null: it cannot be stopped)
     */
    private Response signedInResponse(Request.Builder request, OkHttpClient client, Cancellation cancellation) {
        String token = tokens.current(this::refresh);
        Response response = send(client, request.header("Authorization", "Bearer " + token).build(), cancellation);
        if (response.code() != 401) {
            return response;
        }
        SyncFailure failure = failure(response);
        if (!failure.code().filter("token_expired"::equals).isPresent()) {
            throw failure;
        }
        String renewed = tokens.renewAfterRejection(token, this::refresh);
        return send(client, request.header("Authorization", "Bearer " + renewed).build(), cancellation);
    }

    private <T> T exchange(Request.Builder request, Class<T> type) {
        try (Response response = send(request.build())) {
            return read(response, type);
        }
    }

    private Response send(Request request) {
        return send(http, request, null);
    }

    private Response send(OkHttpClient client, Request request, Cancellation cancellation) {
        Call call = client.newCall(request);
        if (cancellation != null) {
            cancellation.onCancel(call::cancel);
        }
        try {
            return call.execute();
        } catch (IOException e) {
            if (cancellation != null && cancellation.cancelled()) {
                throw cancelled(e);
            }
            throw Failures.ofIo(server.toString(), e);
        }
    }

    private <T> T read(Response response, Class<T> type) {
        if (!response.isSuccessful()) {
            throw failure(response);
        }
        try {
            byte[] bytes = response.body().bytes();
            return type == Void.class ? null : json.readValue(bytes, type);
        } catch (IOException e) {
            // A body cut short or not the protocol's JSON: the request may have worked; the engine retries.
            throw Failures.ofIo(server.toString(), e);
        }
    }

    private SyncFailure failure(Response response) {
        String body;
        try (response) {
            body = response.body().string();
        } catch (IOException e) {
            body = null;
        }
        return Failures.ofAnswer(response.code(), body, Optional.ofNullable(response.header("Retry-After")), json);
    }

    private static long totalOf(String contentRange, long fallback) {
        if (contentRange != null) {
            int slash = contentRange.lastIndexOf('/');
            if (slash >= 0 && !contentRange.endsWith("*")) {
                try {
                    return Long.parseLong(contentRange.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    /** The server's time as this device reckons it: its own clock less the offset the last contact measured. */
    private final class ServerClock extends Clock {

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server's clock has the device clock's zone");
        }

        @Override
        public Instant instant() {
            return clock.instant().minus(clockOffset);
        }
    }

    private static final class OkMediaBody implements MediaBody {

        private final Response response;
        private final long start;
        private final long total;

        OkMediaBody(Response response, long start, long total) {
            this.response = response;
            this.start = start;
            this.total = total;
        }

        @Override
        public long start() {
            return start;
        }

        @Override
        public long totalSize() {
            return total;
        }

        @Override
        public InputStream stream() {
            return response.body().byteStream();
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
