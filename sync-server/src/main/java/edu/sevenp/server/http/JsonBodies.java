package edu.sevenp.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.JsonProblems;
import edu.sevenp.server.problem.ProblemKind;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads request bodies strictly (section 1: an unknown field is an error), within a size limit, and turns
 * every complaint into the protocol's error with the field to blame.
 */
final class JsonBodies {

    private final ObjectMapper strict;
    private final long maxBytes;

    JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.strict = Objects.requireNonNull(mapper, "mapper").copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = maxBytes;
    }

    <T> T read(Context context, Class<T> type) {
        String contentType = context.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the body as application/json.");
        }
        long declared = context.contentLength();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readAtMost(context);
        if (body.length == 0) {
            throw ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The request needs a JSON body.");
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) {
                throw ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The body must be a JSON object, not null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e, "");
        } catch (IOException e) {
            throw ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The body could not be read.");
        }
    }

    ObjectMapper mapper() {
        return strict;
    }

    private byte[] readAtMost(Context context) {
        try (InputStream in = context.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiProblem.of(ProblemKind.BAD_REQUEST, "malformed_json", "The body could not be read.");
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "payload_too_large",
                "The request body is larger than " + maxBytes + " bytes, the most this endpoint accepts.");
    }
}
