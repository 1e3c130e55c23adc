package edu.sevenp.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What else decides how the server behaves (docs/operations.md, "Configuration").
 *
 * @param host the interface to listen on
 * @param tokenSecret the key access tokens are signed with; empty: kept in {@code <data folder>/token-secret},
 *        made on first start. Several instances behind one load balancer need the same one
 * @param trustProxy whether {@code X-Forwarded-For} names the client (only behind a proxy that sets it)
 * @param tombstoneHorizon how long deletions stay in the change feed; a client offline longer re-bootstraps
 * @param maxPackageBytes the largest course package accepted for publishing
 */
public record ServerOptions(String host, Optional<String> tokenSecret, boolean registrationOpen, boolean trustProxy,
        int passwordMemoryKib, int passwordIterations, Duration tombstoneHorizon, long maxPackageBytes) {

    public static final ServerOptions DEFAULT = new ServerOptions("0.0.0.0", Optional.empty(), true, false, 65_536, 3,
            Duration.ofDays(30), 1024L * 1024 * 1024);

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(tombstoneHorizon, "tombstoneHorizon");
        if (tokenSecret.isPresent() && tokenSecret.get().length() < 32) {
            throw new IllegalArgumentException("SEVENP_TOKEN_SECRET must be at least 32 characters");
        }
        if (passwordMemoryKib < 8 || passwordIterations < 1) {
            throw new IllegalArgumentException("SEVENP_PASSWORD_MEMORY_KIB must be at least 8 and SEVENP_PASSWORD_ITERATIONS at least 1");
        }
        if (tombstoneHorizon.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("the tombstone horizon must be at least an hour");
        }
        if (maxPackageBytes < 1) {
            throw new IllegalArgumentException("the largest course package must be at least 1 byte");
        }
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, tokenSecret, registrationOpen, trustProxy, passwordMemoryKib, passwordIterations,
                tombstoneHorizon, maxPackageBytes);
    }

    /** Never prints the token secret. */
    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", tokenSecret=" + (tokenSecret.isPresent() ? "(set)" : "(data folder)")
                + ", registrationOpen=" + registrationOpen + ", trustProxy=" + trustProxy + ", passwordMemoryKib="
                + passwordMemoryKib + ", passwordIterations=" + passwordIterations + ", tombstoneHorizon=" + tombstoneHorizon
                + ", maxPackageBytes=" + maxPackageBytes + "]";
    }
}
