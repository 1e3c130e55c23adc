package edu.sevenp.desktop.sync.faults;

import static edu.sevenp.desktop.sync.faults.FramedServer.body;
import static edu.sevenp.desktop.sync.faults.FramedServer.request;
import static edu.sevenp.desktop.sync.faults.FramedServer.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.sync.faults.Fault.Direction;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy forwards bytes faithfully, and injects exactly the faults its plan decides. */
class FaultProxyTest {

    /** Bigger than any cut offset (2,000 bytes by default), so a cut always lands inside a request or a response. */
    private static final byte[] BIG_REQUEST = body(3_000, 1);
    private static final int BIG_RESPONSE = 10_000;
    private static final int TIMEOUT_MILLIS = 5_000;

    private FramedServer server;
    private final List<FaultProxy> proxies = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = FramedServer.start();
    }

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        proxies.forEach(FaultProxy::close);
        server.close();
    }

    @Test
    void withoutFaultsManyRequestsOnOneConnectionPassUnchangedBothWays() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(1, FaultRates.none()));
        Socket client = connect(proxy);
        int[] responseSizes = {0, 1, 100, 8_191, 8_192, 8_193, 70_000, 5, 250_000, 17};
        long sentBytes = 0;
        long answerBytes = 0;
        List<byte[]> sent = new ArrayList<>();
        List<byte[]> answers = new ArrayList<>();
        List<byte[]> expectedAnswers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] body = body(i * 997 % 20_000, i);
            int size = responseSizes[i % responseSizes.length];
            sent.add(body);
            answers.add(exchange(client, body, size));
            expectedAnswers.add(response(body, size));
            sentBytes += request(body, size).length;
            answerBytes += response(body, size).length;
        }
        List<byte[]> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            received.add(server.nextRequest());
        }
        proxy.close();

        assertThat(answers).containsExactlyElementsOf(expectedAnswers);
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(proxy.decisions()).isEqualTo(IntStream.range(0, 40).mapToObj(e -> Fault.pass(1, e)).toList());
        assertThat(proxy.stats()).isEqualTo(new FaultStats(1, Map.of(), sentBytes, answerBytes));
    }

    @Test
    void cutResponseDeliversAStrictPrefixAfterTheServerReceivedTheWholeRequest() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(2, FaultRates.only(FaultKind.CUT_RESPONSE)));
        Socket client = connect(proxy);
        client.getOutputStream().write(request(BIG_REQUEST, BIG_RESPONSE));

        byte[] delivered = readUntilClosed(client);
        byte[] received = server.nextRequest();
        proxy.close();

        Fault cut = proxy.decisions().get(0);
        byte[] whole = response(BIG_REQUEST, BIG_RESPONSE);
        assertThat(cut.kind()).isEqualTo(FaultKind.CUT_RESPONSE);
        assertThat(cut.atByte()).isLessThan(whole.length);
        assertThat(delivered).isEqualTo(Arrays.copyOf(whole, (int) cut.atByte()));
        assertThat(received).isEqualTo(BIG_REQUEST);
        assertThat(proxy.stats()).isEqualTo(new FaultStats(1, Map.of(FaultKind.CUT_RESPONSE, 1L),
                request(BIG_REQUEST, BIG_RESPONSE).length, cut.atByte()));
    }

    @Test
    void cutRequestHandsTheServerOnlyTheFirstBytesAndTheClientNoAnswer() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(3, FaultRates.only(FaultKind.CUT_REQUEST)));
        Socket client = connect(proxy);
        send(client, request(BIG_REQUEST, BIG_RESPONSE));

        byte[] delivered = readUntilClosed(client);
        long serverRead = server.nextEndedConnectionBytes();
        proxy.close();

        Fault cut = proxy.decisions().get(0);
        assertThat(cut.kind()).isEqualTo(FaultKind.CUT_REQUEST);
        assertThat(delivered).isEmpty();
        assertThat(serverRead).isEqualTo(cut.atByte());
        assertThat(server.requestsWaiting()).isZero();
        assertThat(proxy.stats()).isEqualTo(new FaultStats(1, Map.of(FaultKind.CUT_REQUEST, 1L), cut.atByte(), 0));
    }

    @Test
    void resetMakesTheClientSeeAConnectionReset() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(4, FaultRates.only(FaultKind.RESET)));
        for (int i = 0; i < 4; i++) {
            Socket client = connect(proxy);
            assertThatThrownBy(() -> {
                client.getOutputStream().write(request(BIG_REQUEST, BIG_RESPONSE));
                readUntilEndOfStream(client);
            }).as(proxy.describe()).isInstanceOf(SocketException.class);
        }
        proxy.close();

        // Seed 4 resets both streams, so both ways of meeting a reset (while sending, while reading) are covered.
        assertThat(proxy.decisions()).extracting(Fault::direction).contains(Direction.TO_SERVER, Direction.TO_CLIENT);
        assertThat(proxy.stats().faults()).isEqualTo(Map.of(FaultKind.RESET, 4L));
    }

    @Test
    void dropClosesTheConnectionBeforeTheServerHearsOfIt() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(5, FaultRates.only(FaultKind.DROP)));
        Socket dropped = connect(proxy);
        send(dropped, request(BIG_REQUEST, BIG_RESPONSE));
        byte[] delivered = readUntilClosed(dropped);
        proxy.setEnabled(false);
        byte[] answer = exchange(connect(proxy), BIG_REQUEST, 10);
        proxy.close();

        assertThat(delivered).isEmpty();
        assertThat(answer).isEqualTo(response(BIG_REQUEST, 10));
        // The server accepts in order: had the drop reached it, it would count two connections.
        assertThat(server.connections()).isEqualTo(1);
        assertThat(proxy.decisions()).extracting(Fault::kind).containsExactly(FaultKind.DROP, FaultKind.PASS);
    }

    @Test
    void delayHoldsOneStreamAndThenForwardsItWhole() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(6, FaultRates.only(FaultKind.DELAY)));
        Socket client = connect(proxy);

        long start = System.nanoTime();
        byte[] answer = exchange(client, BIG_REQUEST, BIG_RESPONSE);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        proxy.close();

        Fault delay = proxy.decisions().get(0);
        assertThat(delay.kind()).isEqualTo(FaultKind.DELAY);
        assertThat(delay.delayMillis()).isBetween(1, FaultPlan.DEFAULT_MAX_DELAY_MILLIS);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(delay.delayMillis());
        assertThat(answer).isEqualTo(response(BIG_REQUEST, BIG_RESPONSE));
        assertThat(proxy.stats()).isEqualTo(new FaultStats(1, Map.of(FaultKind.DELAY, 1L),
                request(BIG_REQUEST, BIG_RESPONSE).length, answer.length));
    }

    @Test
    void theSameSeedDecidesTheSameFaultsForTheSameConnections() throws Exception {
        List<Fault> first = decisionsOfTwelveConnections(FaultPlan.of(42));
        List<Fault> again = decisionsOfTwelveConnections(FaultPlan.of(42));
        List<Fault> otherSeed = decisionsOfTwelveConnections(FaultPlan.of(43));

        assertThat(again).isEqualTo(first);
        assertThat(first).isEqualTo(LongStream.rangeClosed(1, 12).mapToObj(n -> FaultPlan.of(42).faultFor(n, 0)).toList());
        assertThat(first.stream().map(Fault::kind).distinct().count()).as("kinds of fault in %s", first)
                .isGreaterThanOrEqualTo(3);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void maxFaultsBoundsTheFaultsThenEveryConnectionPasses() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(7, FaultRates.only(FaultKind.CUT_RESPONSE)).withMaxFaults(3));
        List<byte[]> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Socket client = connect(proxy);
            client.getOutputStream().write(request(BIG_REQUEST, BIG_RESPONSE));
            answers.add(readUntilClosedOrAnswered(client));
        }
        proxy.close();

        byte[] whole = response(BIG_REQUEST, BIG_RESPONSE);
        assertThat(proxy.decisions()).extracting(Fault::kind).containsExactly(FaultKind.CUT_RESPONSE,
                FaultKind.CUT_RESPONSE, FaultKind.CUT_RESPONSE, FaultKind.PASS, FaultKind.PASS, FaultKind.PASS);
        assertThat(answers.subList(3, 6)).containsExactly(whole, whole, whole);
        assertThat(proxy.stats().faults()).isEqualTo(Map.of(FaultKind.CUT_RESPONSE, 3L));
    }

    @Test
    void switchedOffEveryConnectionPassesUntilSwitchedOnAgain() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(8, FaultRates.only(FaultKind.DROP)));
        proxy.setEnabled(false);
        List<byte[]> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(exchange(connect(proxy), BIG_REQUEST, 100));
        }
        proxy.setEnabled(true);
        Socket dropped = connect(proxy);
        send(dropped, request(BIG_REQUEST, 100));
        byte[] afterSwitchingOn = readUntilClosed(dropped);
        proxy.close();

        byte[] whole = response(BIG_REQUEST, 100);
        assertThat(answers).containsExactly(whole, whole, whole);
        assertThat(afterSwitchingOn).isEmpty();
        assertThat(proxy.decisions()).extracting(Fault::kind)
                .containsExactly(FaultKind.PASS, FaultKind.PASS, FaultKind.PASS, FaultKind.DROP);
        assertThat(proxy.stats().faults()).isEqualTo(Map.of(FaultKind.DROP, 1L));
    }

    @Test
    void laterRequestsOfAKeptAliveConnectionGetFaultsOfTheirOwn() throws Exception {
        FaultPlan plan = firstPlanWhoseConnectionOneGoes(new FaultRates(0, 0, 0, 0.5, 0), FaultKind.PASS, FaultKind.PASS,
                FaultKind.CUT_RESPONSE);
        FaultProxy proxy = proxy(plan);
        Socket client = connect(proxy);
        byte[] firstAnswer = exchange(client, body(100, 1), BIG_RESPONSE);
        byte[] secondAnswer = exchange(client, body(200, 2), BIG_RESPONSE);
        send(client, request(body(300, 3), BIG_RESPONSE));
        byte[] thirdDelivered = readUntilClosed(client);
        List<byte[]> received = List.of(server.nextRequest(), server.nextRequest(), server.nextRequest());
        proxy.close();

        Fault cut = plan.faultFor(1, 2);
        assertThat(proxy.decisions()).containsExactly(Fault.pass(1, 0), Fault.pass(1, 1), cut);
        assertThat(List.of(firstAnswer, secondAnswer))
                .containsExactly(response(body(100, 1), BIG_RESPONSE), response(body(200, 2), BIG_RESPONSE));
        assertThat(thirdDelivered).isEqualTo(Arrays.copyOf(response(body(300, 3), BIG_RESPONSE), (int) cut.atByte()));
        assertThat(received).containsExactly(body(100, 1), body(200, 2), body(300, 3));
    }

    @Test
    void aDropOnALaterRequestClosesTheConnectionBeforeForwardingIt() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(10, FaultRates.only(FaultKind.DROP)));
        proxy.setEnabled(false);
        Socket client = connect(proxy);
        byte[] firstAnswer = exchange(client, body(100, 1), 100);
        proxy.setEnabled(true);
        send(client, request(body(200, 2), 100));
        byte[] secondDelivered = readUntilClosed(client);
        long serverRead = server.nextEndedConnectionBytes();
        proxy.close();

        assertThat(firstAnswer).isEqualTo(response(body(100, 1), 100));
        assertThat(secondDelivered).isEmpty();
        assertThat(serverRead).isEqualTo(request(body(100, 1), 100).length);
        assertThat(proxy.decisions()).containsExactly(Fault.pass(1, 0), Fault.drop(1, 1));
    }

    @Test
    void closeEndsEveryProxyThreadAndFreesThePort() throws Exception {
        long before = proxyThreads();
        FaultProxy proxy = proxy(FaultPlan.of(9, FaultRates.none()));
        Socket first = connect(proxy);
        Socket second = connect(proxy);
        exchange(first, BIG_REQUEST, 10);
        exchange(second, BIG_REQUEST, 10);
        long during = proxyThreads();

        long start = System.nanoTime();
        proxy.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;

        // One thread accepts; each open connection has two.
        assertThat(during).isEqualTo(before + 5);
        assertThat(proxyThreads()).isEqualTo(before);
        assertThat(closeMillis).isLessThan(1_000);
        assertThat(first.getInputStream().read()).isEqualTo(-1);
        try (ServerSocket samePort = new ServerSocket(proxy.port(), 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            assertThat(samePort.getLocalPort()).isEqualTo(proxy.port());
        }
    }

    @Test
    void describeNamesTheSeedToReplayAndWhatHappened() throws Exception {
        FaultProxy proxy = proxy(FaultPlan.of(-77, FaultRates.only(FaultKind.DROP)));
        readUntilClosed(connect(proxy));
        proxy.close();

        assertThat(proxy.describe()).isEqualTo("seed=-77 connections=1 faults={DROP=1} bytesToServer=0 bytesToClient=0"
                + " (replay with -Dfaults.seed=-77)");
    }

    @Test
    void refusesToForwardBeyondThisMachine() {
        assertThatThrownBy(() -> FaultProxy.start(new InetSocketAddress("192.0.2.1", 80), FaultPlan.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The first seed from 1 up whose plan gives the first exchanges of connection 1 these kinds. */
    private static FaultPlan firstPlanWhoseConnectionOneGoes(FaultRates rates, FaultKind... kinds) {
        for (long seed = 1; ; seed++) {
            FaultPlan plan = FaultPlan.of(seed, rates);
            List<FaultKind> planned = IntStream.range(0, kinds.length).mapToObj(e -> plan.faultFor(1, e).kind()).toList();
            if (planned.equals(List.of(kinds))) {
                return plan;
            }
        }
    }

    private List<Fault> decisionsOfTwelveConnections(FaultPlan plan) throws Exception {
        FaultProxy proxy = proxy(plan);
        for (int i = 0; i < 12; i++) {
            Socket client = connect(proxy);
            send(client, request(BIG_REQUEST, BIG_RESPONSE));
            readUntilClosedOrAnswered(client);
            client.close();
        }
        proxy.close();
        return proxy.decisions();
    }

    private FaultProxy proxy(FaultPlan plan) throws IOException {
        FaultProxy proxy = FaultProxy.start(server.address(), plan);
        proxies.add(proxy);
        return proxy;
    }

    private Socket connect(FaultProxy proxy) throws IOException {
        Socket client = new Socket(proxy.address().getAddress(), proxy.port());
        client.setSoTimeout(TIMEOUT_MILLIS);
        clients.add(client);
        return client;
    }

    private static long proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(FaultProxy.THREAD_NAME_PREFIX))
                .count();
    }

    /** Sends one request and reads its whole answer, frame included. */
    private static byte[] exchange(Socket client, byte[] body, int responseSize) throws IOException {
        client.getOutputStream().write(request(body, responseSize));
        DataInputStream in = new DataInputStream(client.getInputStream());
        int length = in.readInt();
        byte[] answer = new byte[length];
        in.readFully(answer);
        return ByteBuffer.allocate(4 + length).putInt(length).put(answer).array();
    }

    /** Sends on a connection a fault may already have closed: then the client meets the fault when it reads. */
    private static void send(Socket client, byte[] bytes) throws IOException {
        try {
            client.getOutputStream().write(bytes);
        } catch (SocketException e) {
            // Closed or reset under the client: what it reads next will show it.
        }
    }

    /** Everything that arrives until the connection ends, whether it ends in order or with a reset. */
    private static byte[] readUntilClosed(Socket client) throws IOException {
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[4_096];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                delivered.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // A cut may reach the client as a reset when it had sent bytes the proxy never read.
        }
        return delivered.toByteArray();
    }

    /** Reads to the end of the stream; a reset escapes as a SocketException. */
    private static byte[] readUntilEndOfStream(Socket client) throws IOException {
        return client.getInputStream().readAllBytes();
    }

    /** The answer to the one request sent, or what arrived of it before the connection ended. */
    private static byte[] readUntilClosedOrAnswered(Socket client) throws IOException {
        try {
            // The server answers, then sees the end of the stream and closes, so a whole answer also ends in a close.
            client.shutdownOutput();
        } catch (SocketException e) {
            // Already closed or reset by a fault.
        }
        return readUntilClosed(client);
    }
}
