package edu.sevenp.server.problem;

/** The kinds of failure a request can end in; the HTTP layer gives each its status code. */
public enum ProblemKind {
    BAD_REQUEST,
    UNAUTHENTICATED,
    PAYMENT_REQUIRED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    RANGE_NOT_SATISFIABLE,
    UNPROCESSABLE,
    UPGRADE_REQUIRED,
    TOO_MANY_REQUESTS,
    UNAVAILABLE
}
