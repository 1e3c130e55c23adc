package edu.sevenp.server.auth;

import edu.sevenp.server.problem.ApiProblem;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an {@code Authorization} header into the {@link Caller}: the token's signature and lifetime are
 * checked here, the account's status and the device's revocation in the database on every request, so that
 * a suspension or a revoked device takes effect at once.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";

    private final AccessTokens tokens;
    private final AccountStore store;

    public Authenticator(AccessTokens tokens, AccountStore store) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.store = Objects.requireNonNull(store, "store");
    }

    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.unauthenticated("unauthenticated", "Sign in first: this request needs an access token.");
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiProblem.unauthenticated("token_invalid", "The Authorization header must be 'Bearer <access token>'.");
        }
        Caller caller = tokens.verify(authorization.substring(BEARER.length()).strip());
        check(caller);
        return caller;
    }

    /** Whether the caller's account is active and device unrevoked now; 401 otherwise (the token may be older). */
    public void check(Caller caller) {
        AccountStore.SessionState state = store.sessionState(caller.user(), caller.device())
                .orElseThrow(() -> ApiProblem.unauthenticated("token_invalid", "The access token names no account."));
        if (!"active".equals(state.userStatus())) {
            throw AccountService.suspended();
        }
        if (state.deviceOwner().isEmpty() || !state.deviceOwner().get().equals(caller.user())) {
            throw ApiProblem.unauthenticated("token_invalid", "The access token names a device this account does not have.");
        }
        if (state.deviceRevokedAt().isPresent()) {
            throw AccountService.revoked();
        }
    }
}
