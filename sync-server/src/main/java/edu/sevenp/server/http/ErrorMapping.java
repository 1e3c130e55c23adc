package edu.sevenp.server.http;

import edu.sevenp.model.protocol.ApiError;
import edu.sevenp.model.protocol.VersionRange;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures into status codes and the protocol's error body (section 3). */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, context) -> {
            if (e.kind() == ProblemKind.UNAVAILABLE) {
                LOG.warn("request id={} {} {}: database unavailable: {}", RequestIds.of(context), context.method(),
                        context.path(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            respond(context, e);
        });
        routes.exception(HttpResponseException.class, (e, context) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            respond(context, status, codeFor(e.getStatus()), messageFor(e), null);
        });
        routes.exception(Exception.class, (e, context) -> {
            LOG.error("request id={} {} {} failed", RequestIds.of(context), context.method(), context.path(), e);
            respond(context, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "The server failed to handle the request; its log has the details under request id "
                            + RequestIds.of(context) + ".", null);
        });
        routes.error(HttpStatus.NOT_FOUND.getCode(), "*", context -> {
            if (context.result() == null || context.result().isEmpty()) {
                respond(context, HttpStatus.NOT_FOUND, "not_found", "No such resource: " + context.path(), null);
            }
        });
        routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), "*", context ->
                respond(context, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                        context.method() + " is not allowed on " + context.path(), null));
    }

    static void respond(Context context, ApiProblem problem) {
        HttpStatus status = statusOf(problem.kind());
        if (problem.retryAfterSeconds() != null) {
            context.header("Retry-After", Integer.toString(problem.retryAfterSeconds()));
        }
        VersionRange supported = problem.kind() == ProblemKind.UPGRADE_REQUIRED ? VersionRange.SUPPORTED : null;
        context.status(status).json(new ApiError(problem.code(), problem.getMessage(), problem.field(), RequestIds.of(context),
                supported, problem.packageProblems(), problem.retryAfterSeconds()));
    }

    private static void respond(Context context, HttpStatus status, String code, String message, String field) {
        context.status(status).json(new ApiError(code, message, field, RequestIds.of(context), null, null, null));
    }

    static HttpStatus statusOf(ProblemKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case PAYMENT_REQUIRED -> HttpStatus.PAYMENT_REQUIRED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RANGE_NOT_SATISFIABLE -> HttpStatus.RANGE_NOT_SATISFIABLE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UPGRADE_REQUIRED -> HttpStatus.UPGRADE_REQUIRED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static String messageFor(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "The request body is larger than this endpoint accepts.";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "The request failed." : e.getMessage();
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
    }
}
