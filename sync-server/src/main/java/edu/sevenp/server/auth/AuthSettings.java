package edu.sevenp.server.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the server signs people in.
 *
 * @param tokenSecret the HMAC-SHA256 key access tokens are signed with (at least 32 bytes); every server
 *        instance behind one load balancer needs the same one
 * @param passwordMemoryKib argon2id memory cost per hash
 * @param passwordIterations argon2id time cost
 * @param registrationOpen whether anyone may make an account
 */
public record AuthSettings(byte[] tokenSecret, Duration accessTokenLifetime, Duration refreshTokenLifetime,
        int passwordMemoryKib, int passwordIterations, boolean registrationOpen) {

    /** 64 MiB and 3 passes: about 175 ms a hash on the machines the project is measured on (docs/operations.md). */
    public static final int DEFAULT_MEMORY_KIB = 65_536;
    public static final int DEFAULT_ITERATIONS = 3;
    public static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REFRESH_LIFETIME = Duration.ofDays(90);

    public AuthSettings {
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        if (tokenSecret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes, was " + tokenSecret.length);
        }
        tokenSecret = tokenSecret.clone();
        if (passwordMemoryKib < 8 || passwordIterations < 1) {
            throw new IllegalArgumentException("argon2id needs at least 8 KiB and 1 iteration");
        }
    }

    public static AuthSettings defaults(byte[] tokenSecret) {
        return new AuthSettings(tokenSecret, DEFAULT_ACCESS_LIFETIME, DEFAULT_REFRESH_LIFETIME, DEFAULT_MEMORY_KIB,
                DEFAULT_ITERATIONS, true);
    }

    @Override
    public byte[] tokenSecret() {
        return tokenSecret.clone();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AuthSettings[accessTokenLifetime=" + accessTokenLifetime + ", refreshTokenLifetime=" + refreshTokenLifetime
                + ", passwordMemoryKib=" + passwordMemoryKib + ", passwordIterations=" + passwordIterations
                + ", registrationOpen=" + registrationOpen + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthSettings that && Arrays.equals(tokenSecret, that.tokenSecret)
                && accessTokenLifetime.equals(that.accessTokenLifetime) && refreshTokenLifetime.equals(that.refreshTokenLifetime)
                && passwordMemoryKib == that.passwordMemoryKib && passwordIterations == that.passwordIterations
                && registrationOpen == that.registrationOpen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(tokenSecret), accessTokenLifetime, refreshTokenLifetime, passwordMemoryKib,
                passwordIterations, registrationOpen);
    }
}
