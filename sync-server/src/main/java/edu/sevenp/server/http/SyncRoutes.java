package edu.sevenp.server.http;

import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.server.sync.PullService;
import edu.sevenp.server.sync.PushService;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/** Push and pull (docs/sync-protocol.md, sections 6 and 7). */
final class SyncRoutes {

    private final PushService push;
    private final PullService pull;
    private final JsonBodies bodies;

    SyncRoutes(PushService push, PullService pull, JsonBodies bodies) {
        this.push = Objects.requireNonNull(push, "push");
        this.pull = Objects.requireNonNull(pull, "pull");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    void register(RoutesConfig routes) {
        routes.post(ProtocolGate.PREFIX + "/sync/push", context ->
                context.json(push.push(Callers.required(context), bodies.read(context, PushRequest.class))));
        routes.post(ProtocolGate.PREFIX + "/sync/pull", context ->
                context.json(pull.pull(Callers.required(context), bodies.read(context, PullRequest.class))));
    }
}
