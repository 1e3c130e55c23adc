package edu.sevenp.desktop.sync.client;

import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.sync.CredentialStore;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncFailure.Kind;
import edu.sevenp.model.protocol.TokenGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The access token in memory and the refresh token in the {@link CredentialStore}. Refreshes are serialised:
 * two refreshes of one token would be reuse, which signs the device out (docs/sync-protocol.md, section 4).
 */
final class Tokens {

    /** Refresh this long before the access token expires, so a request never leaves with a dying token. */
    static final Duration EARLY = Duration.ofMinutes(1);

    private final CredentialStore store;
    private final Clock clock;
    private String accessToken;
    private Instant accessExpiresAt = Instant.MIN;

    Tokens(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A usable access token, refreshed first when it is missing or about to expire. */
    synchronized String current(Function<String, TokenGrant> refresh) {
        if (accessToken == null || !clock.instant().plus(EARLY).isBefore(accessExpiresAt)) {
            refreshNow(refresh);
        }
        return accessToken;
    }

    /**
     * After a 401 {@code token_expired} for {@code rejected}: refreshes unless another thread already did, and
     * answers the token to repeat the request with.
     */
    synchronized String renewAfterRejection(String rejected, Function<String, TokenGrant> refresh) {
        if (rejected.equals(accessToken)) {
            refreshNow(refresh);
        }
        return accessToken;
    }

    /** A fresh sign-in: its tokens replace whatever was held. */
    synchronized Credentials signedIn(Credentials credentials, TokenGrant grant) {
        store.save(credentials);
        accept(grant);
        return credentials;
    }

    synchronized void forget() {
        accessToken = null;
        accessExpiresAt = Instant.MIN;
        store.clear();
    }

    synchronized Credentials credentials() {
        return store.load().orElseThrow(() -> SyncFailure.of(Kind.SIGNED_OUT,
                FailureWords.of(SyncFailure.class).text("notSignedIn.signInFirst")));
    }

    private void refreshNow(Function<String, TokenGrant> refresh) {
        Credentials credentials = credentials();
        // A refresh whose answer is lost is repeated with the same token: the server answers it again
        // (protocol section 4), so the stored token is replaced only once the new one has arrived.
        TokenGrant grant = refresh.apply(credentials.refreshToken());
        store.save(credentials.withRefreshToken(grant.refreshToken(), grant.refreshTokenExpiresAt()));
        accept(grant);
    }

    private void accept(TokenGrant grant) {
        accessToken = grant.accessToken();
        accessExpiresAt = grant.accessTokenExpiresAt().toInstant();
    }
}
