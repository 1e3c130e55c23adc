package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a sign-in or a refresh answers: a new access token and a new refresh token. */
public record TokenGrant(String accessToken, OffsetDateTime accessTokenExpiresAt, String refreshToken,
        OffsetDateTime refreshTokenExpiresAt, AccountView user, UUID deviceId) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "TokenGrant[user=" + user + ", deviceId=" + deviceId + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
