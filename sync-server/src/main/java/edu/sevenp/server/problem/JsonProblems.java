package edu.sevenp.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's complaints about a request body into the protocol's errors, with the JSON path of the
 * field to blame ({@code changes[3].payload.content}). Never echoes the offending value: it may be huge or
 * a secret.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * @param prefix the path of the document within the request ({@code ""} for the whole body, or for
     *        example {@code "changes[3].payload"})
     */
    public static ApiProblem of(JsonProcessingException e, String prefix) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            return ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The body is not valid JSON"
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + ")") + ".");
        }
        JsonMappingException mapping = (JsonMappingException) e;
        String field = path(mapping, prefix);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.of(ProblemKind.BAD_REQUEST, "unknown_field",
                    "Unknown field '" + unknown.getPropertyName() + "'" + (field.isEmpty() ? "" : " at " + field)
                            + "; this protocol version does not define it.", field);
        }
        if (mapping instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause();
            if (cause instanceof NullPointerException missing && missing.getMessage() != null) {
                String name = missing.getMessage();
                String at = field.isEmpty() ? name : field + "." + name;
                return ApiProblem.missingField(at);
            }
            String reason = cause == null || cause.getMessage() == null ? "is not valid" : cause.getMessage();
            return ApiProblem.validation(field, (field.isEmpty() ? "The body" : field) + ": " + reason);
        }
        if (mapping instanceof InvalidFormatException format) {
            return ApiProblem.invalidField(field, field + " must be " + describe(format.getTargetType()) + ".");
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (field.isEmpty()) {
                return ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The body must be a JSON "
                        + describe(mismatch.getTargetType()) + ".");
            }
            return ApiProblem.invalidField(field, field + " must be " + describe(mismatch.getTargetType()) + ".");
        }
        return ApiProblem.invalidField(field, (field.isEmpty() ? "The body" : field) + " is not valid: "
                + mapping.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /**
     * The syntax error behind {@code e}, if it is one: Jackson reports a syntax error met inside a collection as a
     * mapping problem at that element, but the body is then not JSON at all.
     */
    private static JsonProcessingException syntaxError(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException)) {
            return e;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // A number too large for its field is a wrong value, not broken JSON.
            if (cause instanceof StreamReadException syntax && !(cause instanceof InputCoercionException)) {
                return syntax;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == java.util.UUID.class) {
            return "a UUID such as 2ca8badd-5428-42d9-b86c-39397415310d";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time with an offset, such as 2026-12-05T09:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of the values the protocol lists";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
