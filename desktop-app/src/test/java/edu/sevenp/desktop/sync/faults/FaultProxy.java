package edu.sevenp.desktop.sync.faults;

import edu.sevenp.desktop.sync.faults.Fault.Direction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 that forwards each connection to a local server and injects the faults its
 * {@link FaultPlan} decides: drop, delay, cut the request, cut the response or reset.
 *
 * <p>Connections are numbered from 1 as they are accepted, and the exchanges of a connection (a request and its
 * answer, see {@link Fault}) from 0 as they begin. Each exchange gets {@code plan.faultFor(connection, exchange)},
 * unless faults are switched off or {@code plan.maxFaults()} faults have already been decided; then it passes. The
 * budget counts decisions, not faults that took effect, so that it depends only on the order of connections and
 * requests, not on thread timing. A fault decided for a byte offset its exchange never reaches does not happen, but
 * has used up its share of the budget.
 *
 * <p>Threads: one accepts, and each connection has two, one per direction, all daemons named
 * {@code fault-proxy-<port>-...}. {@link #close()} closes every socket and waits for every thread.
 */
public final class FaultProxy implements AutoCloseable {

    /** Every proxy thread's name starts with this, followed by the proxy's port. */
    public static final String THREAD_NAME_PREFIX = "fault-proxy-";

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final InetSocketAddress target;
    private final FaultPlan plan;
    private final ServerSocket listener;
    private final String threadName;
    private final FaultCounters counters;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final List<Fault> decisions = new ArrayList<>();
    private final Set<ProxiedConnection> open = new HashSet<>();
    private volatile boolean enabled = true;
    private int faultsDecided;
    private boolean closed;

    private FaultProxy(InetSocketAddress target, FaultPlan plan, ServerSocket listener) {
        this.target = target;
        this.plan = plan;
        this.listener = listener;
        this.threadName = THREAD_NAME_PREFIX + listener.getLocalPort() + "-";
        this.counters = new FaultCounters(plan.seed());
    }

    /**
     * Listens on a free port of 127.0.0.1 and forwards to {@code target}, which must be a loopback address: the proxy
     * is for tests and never reaches beyond the machine.
     */
    public static FaultProxy start(InetSocketAddress target, FaultPlan plan) throws IOException {
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the fault proxy forwards to a loopback address only, not " + target);
        }
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        FaultProxy proxy = new FaultProxy(target, plan, listener);
        LOG.info("fault proxy on port {} to {}: {}", listener.getLocalPort(), target, plan);
        synchronized (proxy) {
            proxy.startThread("accept", proxy::acceptConnections);
        }
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Where clients connect instead of the server. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    public FaultPlan plan() {
        return plan;
    }

    /** Off: exchanges that begin from now on pass untouched (faults already decided still happen). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public FaultStats stats() {
        return counters.snapshot();
    }

    /** The decision for every exchange so far, in the order they began, {@code PASS} included. */
    public synchronized List<Fault> decisions() {
        return List.copyOf(decisions);
    }

    /** For a failure message: what happened, and how to replay it. */
    public String describe() {
        FaultStats stats = stats();
        Map<FaultKind, Long> faults = new TreeMap<>(stats.faults());
        return "seed=" + plan.seed() + " connections=" + stats.connections() + " faults=" + faults
                + " bytesToServer=" + stats.bytesToServer() + " bytesToClient=" + stats.bytesToClient()
                + " (replay with -Dfaults.seed=" + plan.seed() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Stops listening, closes every connection and waits for every proxy thread to end. */
    @Override
    public void close() {
        List<ProxiedConnection> closing;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = List.copyOf(open);
        }
        closeQuietly(listener);
        closing.forEach(connection -> connection.close(false));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        for (Thread thread : List.copyOf(threads)) {
            thread.interrupt(); // wakes a delay; the closed sockets wake reads and writes
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                LOG.warn("fault proxy thread {} did not end within {} ms", thread.getName(), CLOSE_WAIT_MILLIS);
            }
        }
    }

    private void acceptConnections() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.warn("fault proxy on port {} stopped accepting", port(), e);
                }
                return;
            }
            Fault fault = decide(counters.accepted(), 0);
            if (fault.kind() == FaultKind.DROP) {
                counters.tookEffect(fault);
                closeQuietly(client);
            } else {
                forward(client, fault);
            }
        }
    }

    private synchronized Fault decide(long connection, int exchange) {
        Fault planned = plan.faultFor(connection, exchange);
        boolean inject = enabled && faultsDecided < plan.maxFaults() && planned.kind() != FaultKind.PASS;
        Fault fault = inject ? planned : Fault.pass(connection, exchange);
        if (inject) {
            faultsDecided++;
        }
        decisions.add(fault);
        return fault;
    }

    private void forward(Socket client, Fault fault) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.warn("fault proxy connection {} could not reach {}", fault.connection(), target, e);
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        ProxiedConnection connection = new ProxiedConnection(fault, client, server, counters, this::decide,
                this::ended);
        synchronized (this) {
            if (closed) {
                connection.close(false);
                return;
            }
            open.add(connection);
            startThread("c" + fault.connection() + "-to-server", () -> connection.pump(Direction.TO_SERVER));
            startThread("c" + fault.connection() + "-to-client", () -> connection.pump(Direction.TO_CLIENT));
        }
    }

    private synchronized void ended(ProxiedConnection connection) {
        open.remove(connection);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Call holding the lock, so that close() either sees the thread or stops it from starting. */
    private void startThread(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, threadName + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the resource is gone either way.
        }
    }
}
