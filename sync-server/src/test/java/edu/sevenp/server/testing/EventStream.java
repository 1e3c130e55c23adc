package edu.sevenp.server.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A client of the push channel: reads server-sent events into a queue on a thread of its own. */
public final class EventStream implements AutoCloseable {

    /** One event: its name and its data line. */
    public record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    public EventStream(ApiClient api) {
        HttpRequest.Builder request = api.request("/api/v1/events").header("Accept", "text/event-stream").GET();
        this.response = api.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            status = answer.statusCode();
            String[] name = {"message"};
            answer.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name[0], line.substring(5).strip()));
                } else if (line.isEmpty()) {
                    name[0] = "message";
                }
            });
        });
    }

    /** The next event, waiting at most {@code seconds}; null when none came. */
    public Event next(long seconds) throws InterruptedException {
        return events.poll(seconds, TimeUnit.SECONDS);
    }

    /** The next event with this name, skipping others, waiting at most {@code seconds} in all. */
    public Event next(String eventName, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(eventName)) {
                return event;
            }
        }
        return null;
    }

    public void drain() {
        events.clear();
    }

    public int status() {
        return status;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answer -> answer.body().close());
    }
}
