package edu.sevenp.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the server over real HTTP, as a client of the protocol would (java.net.http, not the server's code). */
public final class ApiClient {

    public static final ObjectMapper JSON = JsonMapperFactory.create();

    /** An answer: status, headers and the body, parsed when it is JSON. */
    public record Response(int status, HttpResponse<byte[]> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return JSON.readValue(raw.body(), type);
            } catch (IOException e) {
                throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + text(), e);
            }
        }

        public String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public String error() {
            return json().path("error").asText();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        headers.put(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
    }

    /** A client sending {@code Authorization: Bearer token} too. */
    public ApiClient withToken(String token) {
        ApiClient copy = new ApiClient(baseUrl);
        copy.headers.putAll(headers);
        copy.headers.put("Authorization", "Bearer " + token);
        return copy;
    }

    public ApiClient withHeader(String name, String value) {
        ApiClient copy = new ApiClient(baseUrl);
        copy.headers.putAll(headers);
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    /** Sends {@code body} as written: a string goes as it is (malformed JSON on purpose), anything else as JSON. */
    public Response sendJson(String method, String path, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response get(String path, Map<String, String> extraHeaders) {
        HttpRequest.Builder builder = request(path).GET();
        extraHeaders.forEach(builder::header);
        return send(builder);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }
}
