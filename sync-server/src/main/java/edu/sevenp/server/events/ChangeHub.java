package edu.sevenp.server.events;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push channel's switchboard (docs/sync-protocol.md, section 12): database notifications in, {@code changed}
 * events out, each only to the connections whose user may see the change: their own rows, and the courses they
 * are entitled to. A user's entitlements are read again whenever their own rows change (an enrollment, a
 * purchase), and every heartbeat re-checks that the device may still sync.
 */
public final class ChangeHub implements ChangeListener.Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeHub.class);
    public static final long HEARTBEAT_SECONDS = 20;

    /** One connection: who it is, what it may see, and where to write. */
    private static final class Connection {
        final Caller caller;
        final Subscriber subscriber;
        volatile Set<UUID> courses;

        Connection(Caller caller, Subscriber subscriber, Set<UUID> courses) {
            this.caller = caller;
            this.subscriber = subscriber;
            this.courses = courses;
        }
    }

    private final Entitlements entitlements;
    private final Consumer<Caller> sessionCheck;
    private final Map<UserId, List<Connection>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sevenp-events-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param sessionCheck throws {@link ApiProblem} when the caller's device may no longer sync (revoked, suspended)
     */
    public ChangeHub(Entitlements entitlements, Consumer<Caller> sessionCheck) {
        this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
        this.sessionCheck = Objects.requireNonNull(sessionCheck, "sessionCheck");
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens a channel for the caller; it stays until the subscriber closes. */
    public void subscribe(Caller caller, Subscriber subscriber) {
        Connection connection = new Connection(caller, subscriber, entitlements.entitledCourses(caller.user()));
        byUser.computeIfAbsent(caller.user(), user -> new CopyOnWriteArrayList<>()).add(connection);
    }

    public void unsubscribe(Caller caller, Subscriber subscriber) {
        List<Connection> connections = byUser.get(caller.user());
        if (connections != null) {
            connections.removeIf(connection -> connection.subscriber == subscriber);
        }
    }

    /** How many channels are open (for the health report and tests). */
    public int openChannels() {
        return byUser.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void notified(String payload) {
        if (payload == null || payload.length() < 3 || payload.charAt(1) != ':') {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(payload.substring(2));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a change notification that names no id: {}", payload);
            return;
        }
        if (payload.charAt(0) == 'u') {
            List<Connection> connections = byUser.getOrDefault(new UserId(id), List.of());
            for (Connection connection : connections) {
                connection.courses = entitlements.entitledCourses(connection.caller.user());
                send(connection, List.of(Streams.USER));
            }
        } else if (payload.charAt(0) == 'c') {
            String stream = Streams.course(id);
            byUser.values().forEach(connections -> connections.stream()
                    .filter(connection -> connection.courses.contains(id))
                    .forEach(connection -> send(connection, List.of(stream))));
        }
    }

    @Override
    public void reconnected() {
        byUser.values().forEach(connections -> connections.forEach(connection -> send(connection, List.of(Streams.USER))));
    }

    private void send(Connection connection, List<String> streams) {
        if (connection.subscriber.isOpen()) {
            connection.subscriber.changed(streams);
        }
    }

    /** Keeps connections alive, drops closed ones, and signs out those that may no longer sync. */
    void beat() {
        byUser.forEach((user, connections) -> {
            connections.removeIf(connection -> !connection.subscriber.isOpen());
            for (Connection connection : connections) {
                try {
                    sessionCheck.accept(connection.caller);
                    connection.subscriber.heartbeat();
                } catch (ApiProblem problem) {
                    connection.subscriber.signedOut(problem.getMessage());
                    connections.remove(connection);
                } catch (RuntimeException e) {
                    LOG.warn("Heartbeat of a push channel failed; it is tried again", e);
                }
            }
        });
        byUser.values().removeIf(List::isEmpty);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
