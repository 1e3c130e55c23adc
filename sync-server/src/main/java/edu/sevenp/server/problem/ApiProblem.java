package edu.sevenp.server.problem;

import edu.sevenp.model.protocol.PackageProblemView;
import java.util.List;
import java.util.Objects;

/**
 * A request the server answers with an error (docs/sync-protocol.md, section 3): thrown by use cases and
 * the database layer, turned into a status and an error body in one place (http.ErrorMapping).
 *
 * <p>{@code code} is the protocol's machine-readable code; {@code field} names the part of the request to
 * blame; {@code constraint} keeps the database constraint behind a refusal, so that a caller can tell
 * one rule from another without parsing messages.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final String code;
    private final String field;
    private final String constraint;
    private final transient List<PackageProblemView> packageProblems;
    private final Integer retryAfterSeconds;

    private ApiProblem(ProblemKind kind, String code, String message, String field, String constraint,
            List<PackageProblemView> packageProblems, Integer retryAfterSeconds, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.constraint = constraint;
        this.packageProblems = packageProblems == null ? null : List.copyOf(packageProblems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem of(ProblemKind kind, String code, String message) {
        return new ApiProblem(kind, code, message, null, null, null, null, null);
    }

    public static ApiProblem of(ProblemKind kind, String code, String message, String field) {
        return new ApiProblem(kind, code, message, field, null, null, null, null);
    }

    /** 400: a field of the wrong type or form. */
    public static ApiProblem invalidField(String field, String message) {
        return of(ProblemKind.BAD_REQUEST, "invalid_field", message, field);
    }

    /** 400: a required field is absent. */
    public static ApiProblem missingField(String field) {
        return of(ProblemKind.BAD_REQUEST, "missing_field", field + " is required", field);
    }

    /** 400: a malformed query or path parameter. */
    public static ApiProblem invalidParameter(String parameter, String message) {
        return of(ProblemKind.BAD_REQUEST, "invalid_parameter", message, parameter);
    }

    /** 422: a well-formed value outside its rules. */
    public static ApiProblem validation(String field, String message) {
        return of(ProblemKind.UNPROCESSABLE, "validation_failed", message, field);
    }

    public static ApiProblem notFound(String message) {
        return of(ProblemKind.NOT_FOUND, "not_found", message);
    }

    public static ApiProblem forbidden(String code, String message) {
        return of(ProblemKind.FORBIDDEN, code, message);
    }

    public static ApiProblem unauthenticated(String code, String message) {
        return of(ProblemKind.UNAUTHENTICATED, code, message);
    }

    public static ApiProblem conflict(String code, String message) {
        return of(ProblemKind.CONFLICT, code, message);
    }

    public static ApiProblem unavailable(String message, Throwable cause) {
        return new ApiProblem(ProblemKind.UNAVAILABLE, "unavailable", message, null, null, null, null, cause);
    }

    public static ApiProblem tooManyAttempts(int retryAfterSeconds) {
        return new ApiProblem(ProblemKind.TOO_MANY_REQUESTS, "too_many_attempts",
                "Too many failed sign-ins; try again in " + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s") + ".",
                null, null, null, retryAfterSeconds, null);
    }

    /** 422 {@code invalid_package} with every problem of the package. */
    public static ApiProblem invalidPackage(String message, List<PackageProblemView> problems) {
        return new ApiProblem(ProblemKind.UNPROCESSABLE, "invalid_package", message, null, null, problems, null, null);
    }

    /** A refusal by the database, keeping the constraint it named (may be null). */
    public static ApiProblem refused(ProblemKind kind, String code, String message, String constraint, Throwable cause) {
        return new ApiProblem(kind, code, message, null, constraint, null, null, cause);
    }

    /** The same problem, blamed on {@code field}. */
    public ApiProblem at(String field) {
        return new ApiProblem(kind, code, getMessage(), field, constraint, packageProblems, retryAfterSeconds, getCause());
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String constraint() {
        return constraint;
    }

    public List<PackageProblemView> packageProblems() {
        return packageProblems;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
