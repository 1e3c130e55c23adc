package edu.sevenp.desktop.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.sync.ServerEvents;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.model.protocol.ChangedEvent;
import edu.sevenp.model.protocol.HelloEvent;
import edu.sevenp.model.protocol.TokenGrant;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The push channel (docs/sync-protocol.md, section 12) as server-sent events. It only relays: reconnecting
 * with backoff is the engine's decision, made when {@link ServerEvents#closed} arrives.
 */
final class EventChannel extends EventSourceListener implements AutoCloseable {

    /** The server sends a comment every 20 seconds; three missed ones mean the connection is dead. */
    private static final long SILENCE_SECONDS = 60;

    private final ServerEvents events;
    private final ObjectMapper json;
    private final String server;
    private EventSource source;
    private volatile boolean closedHere;

    private EventChannel(ServerEvents events, ObjectMapper json, String server) {
        this.events = events;
        this.json = json;
        this.server = server;
    }

    static EventChannel open(OkHttpClient http, Request.Builder request, Tokens tokens,
            Function<String, TokenGrant> refresh, ServerEvents events, ObjectMapper json, String server) {
        EventChannel channel = new EventChannel(events, json, server);
        String token = tokens.current(refresh);
        OkHttpClient streaming = http.newBuilder().readTimeout(SILENCE_SECONDS, TimeUnit.SECONDS).build();
        channel.source = EventSources.createFactory(streaming)
                .newEventSource(request.header("Authorization", "Bearer " + token).build(), channel);
        return channel;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (HelloEvent.NAME.equals(type)) {
            events.opened();
        } else if (ChangedEvent.NAME.equals(type)) {
            try {
                events.changed(json.readValue(data, ChangedEvent.class).streams());
            } catch (IOException e) {
                // An event this version cannot read still means "something changed": pull everything.
                events.opened();
            }
        } else if ("signed-out".equals(type)) {
            SyncFailure failure = signedOut(data);
            // Told once: cancelling makes OkHttp report a failure too, which is only the end of this stream.
            closedHere = true;
            source.cancel();
            events.closed(failure);
        }
    }

    /**
     * The server says why in its {@code message} (this device revoked, or the account suspended): its words,
     * then ours on what is kept.
     */
    private SyncFailure signedOut(String data) {
        String reason = null;
        try {
            JsonNode body = data == null ? null : json.readTree(data);
            reason = body == null ? null : body.path("message").asText(null);
        } catch (IOException e) {
            // No reason given: the words below still hold.
        }
        String message = reason == null || reason.isBlank()
                ? FailureWords.of(SyncFailure.class).text("deviceRevoked")
                : FailureWords.of(SyncFailure.class).text("signInEnded", reason.strip());
        return new SyncFailure(Kind.DEVICE_REVOKED, "signed_out", message, null, null);
    }

    @Override
    public void onClosed(EventSource source) {
        if (!closedHere) {
            events.closed(null);
        }
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
        if (closedHere) {
            return;
        }
        if (response != null && !response.isSuccessful()) {
            String body;
            try {
                body = response.body() == null ? null : response.body().string();
            } catch (IOException e) {
                body = null;
            }
            events.closed(Failures.ofAnswer(response.code(), body, Optional.ofNullable(response.header("Retry-After")), json));
        } else if (t instanceof IOException io) {
            events.closed(Failures.ofIo(server, io));
        } else {
            events.closed(new SyncFailure(Kind.NETWORK, null, FailureWords.of(SyncFailure.class).text("channelEnded"),
                    null, t));
        }
    }

    @Override
    public void close() {
        closedHere = true;
        source.cancel();
    }
}
