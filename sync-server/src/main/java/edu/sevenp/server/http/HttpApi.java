package edu.sevenp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.protocol.ProtocolVersion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: routes, JSON, the protocol gate, request ids and logs, error mapping. */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String STARTED = "sevenp.startedNanos";

    private final Javalin javalin;

    private HttpApi(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts listening; throws {@code PortInUseException} when the port is taken, {@code CannotListenException} when
     * the address is not this machine's.
     */
    public static HttpApi start(HttpSettings settings, ApiServices services, ObjectMapper mapper) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(mapper, "mapper");
        requireFreePort(settings);
        JsonBodies bodies = new JsonBodies(mapper, HttpSettings.MAX_JSON_BYTES);
        ProtocolGate gate = new ProtocolGate(services.authenticator());
        ClientAddresses addresses = new ClientAddresses(settings.trustProxy());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Large bodies (course packages) are streamed by their routes; JSON bodies are limited by JsonBodies.
            config.http.maxRequestSize = HttpSettings.MAX_JSON_BYTES;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.before(context -> {
                context.attribute(STARTED, System.nanoTime());
                RequestIds.assign(context);
                context.header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
            });
            config.routes.before(ProtocolGate.PREFIX + "/*", gate::check);
            config.routes.after(HttpApi::log);
            ErrorMapping.register(config.routes);
            new HealthRoutes(services.health()).register(config.routes);
            new InfoRoutes(services.accounts().registrationOpen(), services.clock()).register(config.routes);
            new AuthRoutes(services.accounts(), bodies, addresses).register(config.routes);
            new SyncRoutes(services.push(), services.pull(), bodies).register(config.routes);
            new EventRoutes(services.events(), mapper, services.clock()).register(config.routes);
            new MediaRoutes(services.media()).register(config.routes);
            new PublishRoutes(services.publish(), settings.maxPackageBytes(), settings.uploads()).register(config.routes);
            new CatalogRoutes(services.catalog()).register(config.routes);
            new AdminRoutes(services.admin(), bodies).register(config.routes);
            new StatisticsRoutes(services.statistics()).register(config.routes);
        });
        try {
            javalin.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            javalin.stop();
            if (isBindFailure(e)) {
                throw new PortInUseException(settings.host(), settings.port(), e);
            }
            throw e;
        }
        return new HttpApi(javalin);
    }

    /**
     * Binds the port once and lets it go, so that a taken port ends as one clear exception: the server asks before
     * it starts its database, and {@link #start} asks again before Javalin binds, which would log an error line of
     * its own first. Javalin's failure is still mapped for the rare race.
     *
     * @throws PortInUseException when the port is taken
     * @throws CannotListenException when the host is not an address of this machine
     */
    public static void requireFreePort(HttpSettings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty does, so a port with connections in TIME_WAIT counts as free
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("in use")) {
                throw new PortInUseException(settings.host(), settings.port(), e);
            }
            throw new CannotListenException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + reason
                    + "); set SEVENP_HOST to an address of this machine, or 0.0.0.0 for all of them", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CannotListenException("cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "); check SEVENP_HOST", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** One line per request, never with a body, a token or a query string (which may hold search words). */
    private static void log(Context context) {
        Long started = context.attribute(STARTED);
        long millis = started == null ? -1 : (System.nanoTime() - started) / 1_000_000;
        String user = Callers.optional(context).map(caller -> caller.user().value().toString()).orElse("-");
        LOG.info("request id={} method={} path={} status={} ms={} user={}", RequestIds.of(context), context.method(),
                context.path(), context.statusCode(), millis, user);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
