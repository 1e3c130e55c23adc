package edu.sevenp.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.protocol.ChangedEvent;
import edu.sevenp.model.protocol.HelloEvent;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.events.ChangeHub;
import edu.sevenp.server.events.Subscriber;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code GET /api/v1/events}: the push channel as server-sent events (docs/sync-protocol.md, section 12). */
final class EventRoutes {

    private final ChangeHub hub;
    private final ObjectMapper mapper;
    private final Clock clock;

    EventRoutes(ChangeHub hub, ObjectMapper mapper, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void register(RoutesConfig routes) {
        // Before the stream starts: once it has, its 200 is sent and a refusal can no longer be an error status.
        routes.before(ProtocolGate.PREFIX + "/events", Callers::required);
        routes.sse(ProtocolGate.PREFIX + "/events", client -> {
            Caller caller = Callers.required(client.ctx());
            client.ctx().header("Cache-Control", "no-store");
            client.ctx().header("X-Accel-Buffering", "no");
            SseSubscriber subscriber = new SseSubscriber(client);
            client.keepAlive();
            client.onClose(() -> hub.unsubscribe(caller, subscriber));
            subscriber.send(HelloEvent.NAME, new HelloEvent(OffsetDateTime.now(clock)));
            hub.subscribe(caller, subscriber);
        });
    }

    /** Writes events to one client; the listener and the heartbeat write from different threads. */
    private final class SseSubscriber implements Subscriber {
        private final SseClient client;

        SseSubscriber(SseClient client) {
            this.client = client;
        }

        @Override
        public void changed(List<String> streams) {
            send(ChangedEvent.NAME, new ChangedEvent(streams));
        }

        @Override
        public synchronized void heartbeat() {
            client.sendComment("keep-alive");
        }

        @Override
        public void signedOut(String reason) {
            send("signed-out", Map.of("message", reason));
            client.close();
        }

        @Override
        public boolean isOpen() {
            return !client.terminated();
        }

        synchronized void send(String event, Object data) {
            try {
                client.sendEvent(event, mapper.writeValueAsString(data));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
