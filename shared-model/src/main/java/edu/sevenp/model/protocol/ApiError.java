package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer (docs/sync-protocol.md, section 3).
 *
 * @param error a stable machine-readable code such as {@code validation_failed}
 * @param message what went wrong, in words a person can act on
 * @param field where in the request the problem is, when it is one field
 * @param supported with {@code unsupported_protocol_version}: the versions the server speaks
 * @param problems with {@code invalid_package}: every problem of the course package
 * @param retryAfterSeconds with {@code too_many_attempts}: how long to wait
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field, String requestId, VersionRange supported,
        List<PackageProblemView> problems, Integer retryAfterSeconds) {

    public ApiError {
        problems = problems == null ? null : List.copyOf(problems);
    }

    public static ApiError of(String error, String message, String field) {
        return new ApiError(error, message, field, null, null, null, null);
    }
}
