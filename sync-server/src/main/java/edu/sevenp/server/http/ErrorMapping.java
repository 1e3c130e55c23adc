package edu.sevenp.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures into status codes and a JSON {@link ErrorResponse}. */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, context) ->
                respond(context, HttpStatus.forStatus(e.getStatus()), codeFor(e.getStatus()), e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, context) ->
                respond(context, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
        routes.exception(Exception.class, (e, context) -> {
            LOG.error("Unhandled error on {} {}", context.method(), context.path(), e);
            respond(context, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "The server failed to handle the request; the error is in its log.");
        });
        routes.error(HttpStatus.NOT_FOUND.getCode(), "*", context -> {
            if (context.result() == null || context.result().isEmpty()) {
                respond(context, HttpStatus.NOT_FOUND, "not_found", "No such resource: " + context.path());
            }
        });
    }

    private static void respond(Context context, HttpStatus status, String code, String message) {
        context.status(status).json(new ErrorResponse(code, message));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            default -> "http_" + status;
        };
    }
}
