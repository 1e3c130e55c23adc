package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.Rejection;
import edu.sevenp.server.problem.ApiProblem;
import java.util.Set;

/** The protocol's rejection codes (docs/sync-protocol.md, section 7) for what refused a change. */
final class Rejections {

    private static final Set<String> PROTOCOL_CODES = Set.of("not_entitled", "not_found", "validation_failed",
            "constraint_violation", "user_mismatch", "attempt_limit", "time_limit_exceeded", "quiz_inactive",
            "completion_missing", "unsupported_change");

    private Rejections() {
    }

    static Rejection of(ApiProblem problem) {
        if ("quiz_attempt_limit".equals(problem.constraint())) {
            return new Rejection("attempt_limit", problem.getMessage(), "payload.quizId");
        }
        String code = problem.code();
        if (PROTOCOL_CODES.contains(code)) {
            return new Rejection(code, problem.getMessage(), problem.field());
        }
        return switch (code) {
            case "forbidden" -> new Rejection("not_entitled", "The course this change belongs to is not open to you ("
                    + problem.getMessage() + ").", problem.field());
            case "invalid_field", "missing_field", "unknown_field", "malformed_json" ->
                    new Rejection("validation_failed", problem.getMessage(), problem.field());
            default -> new Rejection("constraint_violation", problem.getMessage(), problem.field());
        };
    }
}
