package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Why the server refused a change for good (docs/sync-protocol.md, section 7).
 *
 * @param code such as {@code not_entitled} or {@code attempt_limit}
 * @param field the part of the change to blame, when it is one field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(String code, String message, String field) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
