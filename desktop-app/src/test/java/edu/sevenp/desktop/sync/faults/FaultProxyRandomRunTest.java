package edu.sevenp.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proxy as the end-to-end sync tests will use it: HTTP with keep-alive, random faults for a bounded run, a client
 * that retries. Seeds come from {@link Seeds}: replay a failure with the seed its message names.
 */
class FaultProxyRandomRunTest {

    private static final int REQUESTS = 15;
    private static final int MAX_FAULTS = 6;
    private static final int MAX_ATTEMPTS = MAX_FAULTS + 2;
    /** Padding so that cut offsets (up to 2,000 bytes) land in headers, in bodies and in later requests alike. */
    private static final String PADDING = "x".repeat(1_500);
    /** One client for every seed: Java 17's HttpClient cannot be closed, and a soak runs a thousand seeds. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HttpServer server;
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    static List<Long> seeds() {
        return Seeds.fromSystemProperties();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.createContext("/echo", exchange -> {
            // A cut request throws here, before the request counts as handled.
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            handled.add(body);
            byte[] answer = answerTo(body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRetryingClientGetsEveryAnswerAndTheFaultsStayWithinTheBudget(long seed) throws Exception {
        List<String> requests = IntStream.range(0, REQUESTS).mapToObj(i -> "request " + i + " " + PADDING).toList();
        try (FaultProxy proxy = FaultProxy.start(server.getAddress(), FaultPlan.of(seed).withMaxFaults(MAX_FAULTS))) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (String request : requests) {
                answers.put(request, sendUntilAnswered(CLIENT, proxy, request));
            }
            proxy.setEnabled(false);
            String drained = send(CLIENT, proxy, "drain");

            assertThat(answers).as(proxy.describe()).isEqualTo(requests.stream()
                    .collect(Collectors.toMap(r -> r, FaultProxyRandomRunTest::answerTo, (a, b) -> a, LinkedHashMap::new)));
            assertThat(drained).as(proxy.describe()).isEqualTo(answerTo("drain"));
            // At least once: a cut answer's request was handled, and is handled again on the retry.
            assertThat(handled).as(proxy.describe()).containsAll(requests);
            assertThat(proxy.decisions()).as(proxy.describe())
                    .filteredOn(fault -> fault.kind() != FaultKind.PASS).hasSizeLessThanOrEqualTo(MAX_FAULTS);
            assertThat(proxy.stats().faultCount()).as(proxy.describe()).isLessThanOrEqualTo(MAX_FAULTS);
        }
    }

    private static String sendUntilAnswered(HttpClient client, FaultProxy proxy, String body) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return send(client, proxy, body);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new AssertionError("no answer after " + MAX_ATTEMPTS + " attempts; " + proxy.describe(), last);
    }

    private static String send(HttpClient client, FaultProxy proxy, String body) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/echo"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        return response.body();
    }

    private static String answerTo(String body) {
        return "answer to " + body + " " + PADDING + PADDING;
    }
}
