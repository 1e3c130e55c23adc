package edu.sevenp.desktop.sync.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 that a test steers by hand, where {@link FaultProxy} decides at random: it can hold
 * one chosen exchange, either its request (the server never sees it) or its response (the server answered, the client
 * has not heard), until the test {@linkplain #release() releases} it or {@linkplain #discard() drops} it. Meanwhile the
 * test does what it came for, such as killing the client at exactly that point. It also keeps a record of every
 * exchange (request line and bytes each way), to count what a client fetched.
 *
 * <p>Exchanges are told apart as {@link ProxiedConnection} does: client bytes after server bytes begin the next one.
 * The request line is read from the first bytes of an exchange (clients write a request's head in one go).
 */
public final class HoldingProxy implements AutoCloseable {

    /** What of a matching exchange is held. */
    public enum Hold {
        /** Nothing of the request is forwarded: the server never sees it. */
        REQUEST,
        /** The request goes through; the server's answer is held before its first byte reaches the client. */
        RESPONSE
    }

    /** One exchange as it went: its request line and the bytes forwarded each way. */
    public record Exchange(int number, String requestLine, long bytesToServer, long bytesToClient) {
    }

    private static final int BUFFER_BYTES = 8_192;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    /** Guarded by this: the record of exchanges, and the armed or current hold. */
    private final List<MutableExchange> exchanges = new ArrayList<>();
    private String holdPrefix;
    private String refusePrefix;
    private int holdOccurrence;
    private Hold holdWhat;
    private int seenMatching;
    private MutableExchange held;
    private boolean holding;
    private boolean discarded;
    private boolean closed;

    private HoldingProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code target}, a loopback address. */
    public static HoldingProxy start(InetSocketAddress target) throws IOException {
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the holding proxy forwards to a loopback address only, not " + target);
        }
        HoldingProxy proxy = new HoldingProxy(target,
                new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
        proxy.startThread("accept", proxy::accept);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The address clients use instead of the server's, as an HTTP base URL. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Holds the {@code occurrence}-th exchange from now on (1 for the next) whose request line starts with
     * {@code requestLinePrefix}, such as {@code "POST /api/v1/sync/push "}.
     */
    public synchronized void holdNext(String requestLinePrefix, int occurrence, Hold what) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1: " + occurrence);
        }
        holdPrefix = requestLinePrefix;
        holdOccurrence = occurrence;
        holdWhat = what;
        seenMatching = 0;
        held = null;
        holding = false;
        discarded = false;
    }

    /**
     * Waits until the armed hold is in force: the request arrived and was kept ({@link Hold#REQUEST}), or the server's
     * answer began and was kept ({@link Hold#RESPONSE}).
     *
     * @return the held exchange's request line
     */
    public synchronized String awaitHeld(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holding) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("nothing was held within " + timeout + " (waiting for the " + holdOccurrence
                        + ". '" + holdPrefix + "'); exchanges: " + exchanges());
            }
            wait(left);
        }
        return held.requestLine;
    }

    /** Lets the held bytes and everything after them through; nothing is held any more. */
    public synchronized void release() {
        holdPrefix = null;
        holding = false;
        notifyAll();
    }

    /** Closes the held exchange's connection without forwarding what was held; nothing is held any more. */
    public synchronized void discard() {
        holdPrefix = null;
        holding = false;
        discarded = true;
        notifyAll();
    }

    /**
     * From now on, every exchange whose request line starts with {@code requestLinePrefix} is closed as it begins,
     * nothing of it forwarded (an HTTP client repeats such a request by itself, so holding one is not enough to make a
     * step fail); null stops refusing.
     */
    public synchronized void refuse(String requestLinePrefix) {
        refusePrefix = requestLinePrefix;
    }

    /** Every exchange so far, in the order they began. */
    public synchronized List<Exchange> exchanges() {
        return exchanges.stream().map(MutableExchange::snapshot).toList();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        closeQuietly(listener);
        sockets.forEach(HoldingProxy::closeQuietly);
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        for (Thread thread : all) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void accept() {
        while (true) {
            Socket client;
            Socket server = new Socket();
            try {
                client = listener.accept();
                sockets.add(client);
                sockets.add(server);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(target, 2_000);
            } catch (IOException e) {
                closeQuietly(server);
                if (isClosed()) {
                    return;
                }
                continue;
            }
            Connection connection = new Connection(client, server);
            startThread("to-server", connection::pumpToServer);
            startThread("to-client", connection::pumpToClient);
        }
    }

    /** One client connection: the exchange in progress and whether the server has answered it yet. */
    private final class Connection {

        private final Socket client;
        private final Socket server;
        private MutableExchange current;
        private boolean answered = true;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pumpToServer() {
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                byte[] buffer = new byte[BUFFER_BYTES];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    MutableExchange exchange = exchangeOf(buffer, read);
                    if (exchange.refused || !passes(exchange, Hold.REQUEST)) {
                        closeBoth();
                        return;
                    }
                    // Counted before it is written: whoever has the bytes must find them counted.
                    count(exchange, read, true);
                    out.write(buffer, 0, read);
                    out.flush();
                }
                server.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                closeBoth();
            }
        }

        void pumpToClient() {
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[BUFFER_BYTES];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    MutableExchange exchange;
                    synchronized (this) {
                        answered = true;
                        exchange = current;
                    }
                    if (!passes(exchange, Hold.RESPONSE)) {
                        closeBoth();
                        return;
                    }
                    count(exchange, read, false);
                    out.write(buffer, 0, read);
                    out.flush();
                }
                client.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                closeBoth();
            }
        }

        /** The exchange a chunk from the client belongs to; a chunk after an answer begins a new one. */
        private synchronized MutableExchange exchangeOf(byte[] buffer, int length) {
            if (answered) {
                answered = false;
                current = begin(requestLine(buffer, length));
            }
            return current;
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private synchronized MutableExchange begin(String requestLine) {
        MutableExchange exchange = new MutableExchange(exchanges.size() + 1, requestLine);
        exchange.refused = refusePrefix != null && requestLine.startsWith(refusePrefix);
        exchanges.add(exchange);
        if (holdPrefix != null && held == null && requestLine.startsWith(holdPrefix) && ++seenMatching == holdOccurrence) {
            held = exchange;
        }
        return exchange;
    }

    /**
     * Whether a chunk of {@code exchange} in this direction may go on: it waits while the exchange is held here, and
     * answers false when it was discarded or the proxy closed.
     */
    private synchronized boolean passes(MutableExchange exchange, Hold direction) throws InterruptedException {
        if (exchange == null || exchange != held || holdWhat != direction) {
            return !closed;
        }
        if (holdPrefix != null) {
            holding = true;
            notifyAll();
            while (holding && !closed) {
                wait();
            }
        }
        return !discarded && !closed;
    }

    private synchronized void count(MutableExchange exchange, int bytes, boolean toServer) {
        if (exchange != null) {
            if (toServer) {
                exchange.bytesToServer += bytes;
            } else {
                exchange.bytesToClient += bytes;
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void startThread(String name, Runnable work) {
        Thread thread = new Thread(work, "holding-proxy-" + listener.getLocalPort() + "-" + name);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    private static String requestLine(byte[] buffer, int length) {
        String head = new String(buffer, 0, Math.min(length, 300), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n");
        return end < 0 ? head : head.substring(0, end);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Best effort: the resource is gone either way.
        }
    }

    private static final class MutableExchange {

        private final int number;
        private final String requestLine;
        private long bytesToServer;
        private long bytesToClient;
        private boolean refused;

        MutableExchange(int number, String requestLine) {
            this.number = number;
            this.requestLine = requestLine;
        }

        Exchange snapshot() {
            return new Exchange(number, requestLine, bytesToServer, bytesToClient);
        }
    }
}
