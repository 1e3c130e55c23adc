package edu.sevenp.server.http;

/**
 * How the HTTP server listens.
 *
 * @param port 0 picks a free one
 * @param trustProxy whether {@code X-Forwarded-For} names the client (behind a trusted proxy only)
 * @param maxPackageBytes the largest course package a publish accepts
 * @param uploads where uploads wait while they are checked
 */
public record HttpSettings(String host, int port, boolean trustProxy, long maxPackageBytes, java.nio.file.Path uploads) {

    /** The largest JSON request body (section 1). */
    public static final long MAX_JSON_BYTES = 1_048_576;
}
