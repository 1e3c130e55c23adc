package edu.sevenp.server.http;

/**
 * The body of every error answer.
 *
 * @param error a stable, machine-readable code such as {@code bad_request}
 * @param message what went wrong, in words a person can act on
 */
public record ErrorResponse(String error, String message) {
}
