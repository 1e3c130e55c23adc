package edu.sevenp.desktop.sync;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a signed-in profile keeps to sync without asking for the password again: the server, the account,
 * the device it signed in as, and the refresh token (docs/sync-protocol.md, section 4). The access token is
 * never stored.
 */
public record Credentials(URI server, UUID userId, String email, String name, UUID deviceId, String refreshToken,
        OffsetDateTime refreshTokenExpiresAt) {

    public Credentials {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    public Credentials withRefreshToken(String token, OffsetDateTime expiresAt) {
        return new Credentials(server, userId, email, name, deviceId, token, expiresAt);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "Credentials[server=" + server + ", userId=" + userId + ", email=" + email + ", deviceId=" + deviceId
                + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
