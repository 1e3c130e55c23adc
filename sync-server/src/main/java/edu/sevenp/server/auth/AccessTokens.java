package edu.sevenp.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.server.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Short-lived access tokens: JWTs signed with HMAC-SHA256, naming the user and the device. They carry no
 * roles: roles are read from the database on each request (seed-review 17), and every request also checks
 * that the account is active and the device not revoked, so a token cannot outlive either.
 */
public final class AccessTokens {

    private static final String ISSUER = "sevenp";
    private static final String DEVICE_CLAIM = "did";

    /** An issued token and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(byte[] secret, Duration lifetime, Clock clock) {
        this.algorithm = Algorithm.HMAC256(Objects.requireNonNull(secret, "secret"));
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)
                .withClaimPresence(DEVICE_CLAIM)).build(clock);
    }

    public Issued issue(UserId user, DeviceId device) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.value().toString())
                .withClaim(DEVICE_CLAIM, device.value().toString())
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
        return new Issued(token, expiresAt);
    }

    /** The caller a token names; 401 {@code token_expired} or {@code token_invalid} otherwise. */
    public Caller verify(String token) {
        DecodedJWT decoded;
        try {
            decoded = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw ApiProblem.unauthenticated("token_expired", "The access token expired; refresh it and try again.");
        } catch (JWTVerificationException e) {
            throw ApiProblem.unauthenticated("token_invalid", "The access token is not valid for this server.");
        }
        try {
            return new Caller(new UserId(UUID.fromString(decoded.getSubject())),
                    new DeviceId(UUID.fromString(decoded.getClaim(DEVICE_CLAIM).asString())));
        } catch (RuntimeException e) {
            throw ApiProblem.unauthenticated("token_invalid", "The access token is not valid for this server.");
        }
    }
}
