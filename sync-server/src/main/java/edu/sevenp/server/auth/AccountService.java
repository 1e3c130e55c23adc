package edu.sevenp.server.auth;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.RefreshRequest;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.model.protocol.TokenGrant;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts, sign-in, token refresh and devices (docs/sync-protocol.md, section 4). */
public final class AccountService {

    /** The schema's own rule for addresses (users.valid_email), checked here for a clear message. */
    private static final Pattern EMAIL = Pattern.compile("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$");

    private final AccountStore store;
    private final PasswordHasher passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuthSettings settings;
    private final Clock clock;

    public AccountService(AccountStore store, PasswordHasher passwords, AccessTokens accessTokens, AuthSettings settings,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.refreshTokens = new RefreshTokens(settings.tokenSecret());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean registrationOpen() {
        return settings.registrationOpen();
    }

    public AccountView register(RegisterRequest request) {
        if (!settings.registrationOpen()) {
            throw ApiProblem.forbidden("forbidden", "This server does not take registrations; ask an administrator for an account.");
        }
        Inputs.required(request, "body");
        String email = email(request.email());
        String password = password(request.password());
        String name = Inputs.text(request.name(), "name", 100).strip();
        UserId user = store.register(email, name, passwords.hash(password.toCharArray()));
        return store.account(user);
    }

    public TokenGrant login(LoginRequest request, String clientAddress) {
        Inputs.required(request, "body");
        String email = Inputs.required(request.email(), "email").strip().toLowerCase(Locale.ROOT);
        Inputs.optionalText(email, "email", 255);
        String password = Inputs.required(request.password(), "password");
        Inputs.optionalText(password, "password", 200);
        DeviceInfo device = device(request.device());

        String addressKey = "address:" + clientAddress;
        Optional<AccountStore.LoginCandidate> candidate = store.loginCandidate(email, new DeviceId(device.id()));
        List<String> keys = new ArrayList<>(List.of(addressKey));
        candidate.filter(account -> !account.knownDevice()).ifPresent(account -> keys.add(accountKey(account.user())));
        int wait = store.waitSeconds(keys);
        if (wait > 0) {
            throw ApiProblem.tooManyAttempts(wait);
        }

        boolean matches;
        if (candidate.isPresent()) {
            matches = passwords.verify(candidate.get().passwordHash(), password.toCharArray());
        } else {
            passwords.verifyNothing(password.toCharArray());
            matches = false;
        }
        if (!matches) {
            store.noteFailure(addressKey, ThrottleRule.PER_ADDRESS);
            candidate.ifPresent(account -> store.noteFailure(accountKey(account.user()), ThrottleRule.PER_ACCOUNT));
            throw ApiProblem.unauthenticated("invalid_credentials", "The e-mail address or the password is wrong.");
        }
        AccountStore.LoginCandidate account = candidate.get();
        if (!"active".equals(account.status())) {
            throw suspended();
        }
        switch (store.recordLogin(account.user(), device)) {
            case DEVICE_TAKEN -> throw ApiProblem.conflict("device_taken", "This device id belongs to another account (a copied"
                    + " data folder?); make a new device id and sign in again.");
            case DEVICE_REVOKED -> throw ApiProblem.unauthenticated("device_revoked", "This device was signed out of the"
                    + " account; sign in again with a new device id.");
            case OK -> { }
        }
        store.clearFailures(List.of(addressKey, accountKey(account.user())));
        return grant(account.user(), new DeviceId(device.id()), issueRefreshToken(account.user(), new DeviceId(device.id())));
    }

    public TokenGrant refresh(RefreshRequest request) {
        Inputs.required(request, "body");
        String token = Inputs.required(request.refreshToken(), "refreshToken");
        if (!RefreshTokens.looksLikeOne(token)) {
            throw invalidRefreshToken();
        }
        // The successor is made from the token, so a retry after a lost answer asks for the same one (V19).
        String next = refreshTokens.successorOf(token);
        Instant expiresAt = clock.instant().plus(settings.refreshTokenLifetime());
        AccountStore.Rotation rotation = store.rotateRefreshToken(RefreshTokens.hash(token), RefreshTokens.hash(next), expiresAt);
        return switch (rotation.outcome()) {
            case OK, REPEATED -> grant(rotation.user(), rotation.device(), new IssuedRefresh(next, rotation.expiresAt()));
            case INVALID -> throw invalidRefreshToken();
            case REUSED -> throw ApiProblem.unauthenticated("refresh_token_reused", "This refresh token was already used,"
                    + " so every sign-in of this device was revoked for safety; sign in again.");
            case DEVICE_REVOKED -> throw revoked();
            case SUSPENDED -> throw suspended();
        };
    }

    public void logout(Caller caller) {
        store.signOut(caller.user(), caller.device());
    }

    public AccountView me(Caller caller) {
        return store.account(caller.user());
    }

    public List<DeviceView> devices(Caller caller) {
        return store.devices(caller.user(), caller.device());
    }

    public void revokeDevice(Caller caller, UUID device) {
        if (!store.revokeDevice(caller.user(), new DeviceId(device))) {
            throw ApiProblem.notFound("You have no device " + device + ".");
        }
    }

    static ApiProblem suspended() {
        return ApiProblem.unauthenticated("account_suspended", "This account is suspended; contact an administrator.");
    }

    static ApiProblem revoked() {
        return ApiProblem.unauthenticated("device_revoked", "This device was signed out of the account; sign in again.");
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.unauthenticated("refresh_token_invalid", "The refresh token is unknown, expired or revoked; sign in again.");
    }

    private record IssuedRefresh(String token, Instant expiresAt) {
    }

    private IssuedRefresh issueRefreshToken(UserId user, DeviceId device) {
        String token = refreshTokens.generate();
        Instant expiresAt = clock.instant().plus(settings.refreshTokenLifetime());
        store.storeRefreshToken(user, device, RefreshTokens.hash(token), expiresAt);
        return new IssuedRefresh(token, expiresAt);
    }

    private TokenGrant grant(UserId user, DeviceId device, IssuedRefresh refresh) {
        AccessTokens.Issued access = accessTokens.issue(user, device);
        return new TokenGrant(access.token(), utc(access.expiresAt()), refresh.token(), utc(refresh.expiresAt()),
                store.account(user), device.value());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String accountKey(UserId user) {
        return "account:" + user.value();
    }

    private static String email(String value) {
        String email = Inputs.text(value, "email", 255).strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiProblem.validation("email", "email must be an e-mail address such as ana@example.org");
        }
        return email;
    }

    private static String password(String value) {
        Inputs.required(value, "password");
        int length = value.codePointCount(0, value.length());
        if (length < 8 || length > 200 || value.isBlank()) {
            throw ApiProblem.validation("password", "password must be 8 to 200 characters, not only spaces");
        }
        return value;
    }

    private static DeviceInfo device(DeviceInfo device) {
        Inputs.required(device, "device");
        Inputs.required(device.id(), "device.id");
        Inputs.text(device.name(), "device.name", 100);
        Inputs.optionalText(device.platform(), "device.platform", 50);
        Inputs.optionalText(device.appVersion(), "device.appVersion", 50);
        return device;
    }
}
