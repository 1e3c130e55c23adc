package edu.sevenp.server.http;

import edu.sevenp.model.protocol.ProtocolVersion;
import edu.sevenp.server.auth.Authenticator;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;

/**
 * The before-handler of every {@code /api/v1} request (docs/sync-protocol.md, sections 2 and 4): the protocol
 * version must be one the server speaks, and a bearer token, when there is one, must name an active account
 * on an unrevoked device; the caller is then on the request for the routes.
 */
final class ProtocolGate {

    static final String PREFIX = "/api/v1";

    /** Sign-in itself: a stale token sent along must not stand in the way of getting a new one. */
    private static final Set<String> WITHOUT_TOKEN = Set.of(PREFIX + "/auth/register", PREFIX + "/auth/login",
            PREFIX + "/auth/refresh");

    private final Authenticator authenticator;

    ProtocolGate(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    void check(Context context) {
        String version = context.header(ProtocolVersion.HEADER);
        if (version == null || version.isBlank()) {
            throw ApiProblem.of(ProblemKind.BAD_REQUEST, "protocol_version_required", "Send the protocol version you"
                    + " speak in the " + ProtocolVersion.HEADER + " header; this server speaks "
                    + ProtocolVersion.MIN_SUPPORTED + " to " + ProtocolVersion.MAX_SUPPORTED + ".");
        }
        int requested;
        try {
            requested = Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.of(ProblemKind.BAD_REQUEST, "protocol_version_invalid", ProtocolVersion.HEADER
                    + " must be a whole number such as " + ProtocolVersion.CURRENT + ".");
        }
        if (!ProtocolVersion.isSupported(requested)) {
            throw ApiProblem.of(ProblemKind.UPGRADE_REQUIRED, "unsupported_protocol_version", "This server speaks protocol "
                    + ProtocolVersion.MIN_SUPPORTED + " to " + ProtocolVersion.MAX_SUPPORTED + "; the app speaks " + requested
                    + ". Update " + (requested > ProtocolVersion.MAX_SUPPORTED ? "the server" : "the app") + ".");
        }
        String authorization = context.header("Authorization");
        if (authorization != null && !WITHOUT_TOKEN.contains(context.path())) {
            Callers.set(context, authenticator.authenticate(authorization));
        }
    }
}
