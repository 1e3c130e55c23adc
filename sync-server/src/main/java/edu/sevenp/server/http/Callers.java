package edu.sevenp.server.http;

import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import io.javalin.http.Context;
import java.util.Optional;

/** The signed-in caller the protocol gate put on a request. */
final class Callers {

    private static final String ATTRIBUTE = "sevenp.caller";

    private Callers() {
    }

    static void set(Context context, Caller caller) {
        context.attribute(ATTRIBUTE, caller);
    }

    /** The caller, or 401 {@code unauthenticated}. */
    static Caller required(Context context) {
        return optional(context).orElseThrow(() -> ApiProblem.unauthenticated("unauthenticated",
                "Sign in first: this request needs an access token."));
    }

    static Optional<Caller> optional(Context context) {
        return Optional.ofNullable(context.attribute(ATTRIBUTE));
    }
}
