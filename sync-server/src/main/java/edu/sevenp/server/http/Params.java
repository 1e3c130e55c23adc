package edu.sevenp.server.http;

import edu.sevenp.server.problem.ApiProblem;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** Typed, validated path and query parameters. */
final class Params {

    private Params() {
    }

    static UUID uuid(Context context, String name) {
        String value = context.pathParam(name);
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.invalidParameter(name, name + " must be a UUID such as 2ca8badd-5428-42d9-b86c-39397415310d");
    }

    static Optional<String> text(Context context, String name, int maxLength) {
        String value = context.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ApiProblem.invalidParameter(name, name + " must be at most " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    static int integer(Context context, String name, int fallback, int min, int max) {
        String value = context.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalidParameter(name, name + " must be a whole number from " + min + " to " + max);
    }

    static Optional<Boolean> bool(Context context, String name) {
        String value = context.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ApiProblem.invalidParameter(name, name + " must be true or false");
        };
    }
}
