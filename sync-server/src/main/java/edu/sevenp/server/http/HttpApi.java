package edu.sevenp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.protocol.ProtocolVersion;
import edu.sevenp.server.health.HealthCheck;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Objects;

/** The HTTP server: routes, JSON, error mapping and the protocol header on every answer. */
public final class HttpApi implements AutoCloseable {

    /** Requests larger than this are refused before they are read. */
    static final long MAX_REQUEST_BYTES = 1_048_576;

    private final Javalin javalin;

    private HttpApi(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts listening on {@code host:port}; port 0 picks a free one. */
    public static HttpApi start(String host, int port, HealthCheck healthCheck, ObjectMapper mapper) {
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(mapper, "mapper");
        HealthRoutes health = new HealthRoutes(healthCheck);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.before(context ->
                    context.header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT)));
            ErrorMapping.register(config.routes);
            health.register(config.routes);
        });
        javalin.start(host, port);
        return new HttpApi(javalin);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
