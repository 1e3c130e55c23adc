package edu.sevenp.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request's id: the client's {@code X-Request-Id} when it is a sensible one, otherwise a new one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "sevenp.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context context) {
        String given = context.header(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.attribute(ATTRIBUTE, id);
        context.header(HEADER, id);
    }

    static String of(Context context) {
        String id = context.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
