package edu.sevenp.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The holding proxy keeps exactly the exchange it was told to, on the side it was told, until it is let go. */
class HoldingProxyTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HttpServer server;
    private HoldingProxy proxy;
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            handled.add(exchange.getRequestURI().getPath() + " " + body);
            byte[] answer = ("answer to " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        proxy = HoldingProxy.start(server.getAddress());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.stop(0);
    }

    @Test
    void aHeldRequestReachesTheServerOnlyWhenReleased() throws Exception {
        proxy.holdNext("POST /push ", 2, HoldingProxy.Hold.REQUEST);
        assertThat(send("/push", "first").get(5, TimeUnit.SECONDS)).isEqualTo("answer to first");

        CompletableFuture<String> second = send("/push", "second");
        assertThat(proxy.awaitHeld(Duration.ofSeconds(5))).startsWith("POST /push HTTP/1.1");
        Thread.sleep(200);
        assertThat(handled).containsExactly("/push first");
        assertThat(second).isNotDone();

        proxy.release();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("answer to second");
        assertThat(handled).containsExactly("/push first", "/push second");
    }

    @Test
    void aHeldResponseWasAnsweredByTheServerButReachesTheClientOnlyWhenReleased() throws Exception {
        proxy.holdNext("POST /pull ", 1, HoldingProxy.Hold.RESPONSE);
        assertThat(send("/push", "other").get(5, TimeUnit.SECONDS)).isEqualTo("answer to other");

        CompletableFuture<String> held = send("/pull", "page");
        proxy.awaitHeld(Duration.ofSeconds(5));
        assertThat(handled).containsExactly("/push other", "/pull page");
        Thread.sleep(200);
        assertThat(held).isNotDone();

        proxy.release();
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("answer to page");
    }

    @Test
    void aDiscardedRequestNeverReachesTheServerAndTheClientSeesTheConnectionEnd() throws Exception {
        proxy.holdNext("POST /push ", 1, HoldingProxy.Hold.REQUEST);
        CompletableFuture<String> lost = send("/push", "lost");
        proxy.awaitHeld(Duration.ofSeconds(5));

        proxy.discard();

        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(send("/push", "later").get(5, TimeUnit.SECONDS)).isEqualTo("answer to later");
        assertThat(handled).containsExactly("/push later");
    }

    @Test
    void refusedRequestsNeverReachTheServerUntilTheRefusalEnds() throws Exception {
        proxy.refuse("POST /pull ");

        assertThatThrownBy(() -> send("/pull", "refused").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(send("/push", "passes").get(5, TimeUnit.SECONDS)).isEqualTo("answer to passes");
        proxy.refuse(null);
        assertThat(send("/pull", "again").get(5, TimeUnit.SECONDS)).isEqualTo("answer to again");
        assertThat(handled).containsExactly("/push passes", "/pull again");
    }

    @Test
    void everyExchangeIsRecordedWithItsRequestLineAndBytesEachWay() throws Exception {
        send("/push", "12345").get(5, TimeUnit.SECONDS);
        send("/pull", "").get(5, TimeUnit.SECONDS);

        List<HoldingProxy.Exchange> exchanges = proxy.exchanges();

        assertThat(exchanges).extracting(HoldingProxy.Exchange::number, HoldingProxy.Exchange::requestLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "POST /push HTTP/1.1"),
                        org.assertj.core.groups.Tuple.tuple(2, "POST /pull HTTP/1.1"));
        // Each answer is its head (status line and headers) and "answer to <body>".
        assertThat(exchanges.get(0).bytesToClient() - exchanges.get(1).bytesToClient()).isEqualTo(5);
        assertThat(exchanges.get(0).bytesToServer() - exchanges.get(1).bytesToServer()).isEqualTo(5);
    }

    @Test
    void nothingIsHeldWhenNothingMatches() throws Exception {
        proxy.holdNext("POST /elsewhere ", 1, HoldingProxy.Hold.REQUEST);
        assertThat(send("/push", "free").get(5, TimeUnit.SECONDS)).isEqualTo("answer to free");
        assertThatThrownBy(() -> proxy.awaitHeld(Duration.ofMillis(300))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("nothing was held");
    }

    private CompletableFuture<String> send(String path, String body) throws TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
    }
}
