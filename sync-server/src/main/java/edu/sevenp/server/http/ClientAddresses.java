package edu.sevenp.server.http;

import io.javalin.http.Context;

/** The client's address for sign-in throttling: the TCP peer, or the proxy's word for it when trusted. */
final class ClientAddresses {

    private final boolean trustProxy;

    ClientAddresses(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    String of(Context context) {
        if (trustProxy) {
            String forwarded = context.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].strip();
                if (!first.isEmpty() && first.length() <= 100) {
                    return first;
                }
            }
        }
        return context.ip();
    }
}
