package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.DEVICES;
import static edu.sevenp.server.db.schema.Tables.ROLES;
import static edu.sevenp.server.db.schema.Tables.USERS;
import static edu.sevenp.server.db.schema.Tables.USER_ROLES;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.server.auth.AccountStore;
import edu.sevenp.server.auth.ThrottleRule;
import edu.sevenp.server.problem.ApiProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * Sign-in over the auth schema's SECURITY DEFINER functions (V18): the request role never touches password
 * hashes or refresh tokens directly. Anonymous steps run without a user; the rest as the user.
 */
final class JooqAccountStore implements AccountStore {

    private final RequestTransactions transactions;

    JooqAccountStore(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public UserId register(String email, String name, String passwordHash) {
        try {
            return new UserId(transactions.anonymous(tx -> tx.fetchSingle("select auth.register_account(?, ?, ?)",
                    email, name, passwordHash).get(0, UUID.class)));
        } catch (ApiProblem e) {
            if ("users_email_key".equals(e.constraint())) {
                throw ApiProblem.conflict("email_taken", "There is already an account for " + email + "; sign in instead.")
                        .at("email");
            }
            throw e;
        }
    }

    @Override
    public Optional<LoginCandidate> loginCandidate(String email, DeviceId device) {
        return transactions.anonymous(tx -> tx.fetchOptional("select * from auth.login_candidate(?, ?)", email,
                device.value()).map(row -> new LoginCandidate(new UserId(row.get("user_id", UUID.class)),
                row.get("password_hash", String.class), row.get("status", String.class),
                row.get("known_device", Boolean.class))));
    }

    @Override
    public int waitSeconds(List<String> keys) {
        return transactions.anonymous(tx -> tx.fetchSingle("select auth.login_wait_seconds(?::text[])",
                (Object) keys.toArray(String[]::new)).get(0, Integer.class));
    }

    @Override
    public void noteFailure(String key, ThrottleRule rule) {
        transactions.anonymous(tx -> tx.fetch("select auth.note_login_failure(?, ?, ?, ?)", key, rule.threshold(),
                (int) rule.window().toSeconds(), (int) rule.maxDelay().toSeconds()));
    }

    @Override
    public void clearFailures(List<String> keys) {
        transactions.anonymous(tx -> tx.fetch("select auth.clear_login_failures(?::text[])", (Object) keys.toArray(String[]::new)));
    }

    @Override
    public LoginOutcome recordLogin(UserId user, DeviceInfo device) {
        String outcome = transactions.anonymous(tx -> tx.fetchSingle("select auth.record_login(?, ?, ?, ?, ?)",
                user.value(), device.id(), device.name(), device.platform(), device.appVersion()).get(0, String.class));
        return switch (outcome) {
            case "ok" -> LoginOutcome.OK;
            case "device_taken" -> LoginOutcome.DEVICE_TAKEN;
            case "device_revoked" -> LoginOutcome.DEVICE_REVOKED;
            default -> throw new IllegalStateException("auth.record_login answered " + outcome);
        };
    }

    @Override
    public void storeRefreshToken(UserId user, DeviceId device, byte[] tokenHash, Instant expiresAt) {
        transactions.anonymous(tx -> tx.fetch("select auth.store_refresh_token(?, ?, ?, ?::timestamptz)", user.value(), device.value(),
                tokenHash, expiresAt.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public Rotation rotateRefreshToken(byte[] oldHash, byte[] newHash, Instant expiresAt) {
        return transactions.anonymous(tx -> {
            Record row = tx.fetchSingle("select * from auth.rotate_refresh_token(?, ?, ?::timestamptz)", oldHash, newHash,
                    expiresAt.atOffset(ZoneOffset.UTC));
            UUID user = row.get("user_id", UUID.class);
            UUID device = row.get("device_id", UUID.class);
            OffsetDateTime successorExpiry = row.get("expires_at", OffsetDateTime.class);
            return new Rotation(RotationOutcome.valueOf(row.get("outcome", String.class).toUpperCase(java.util.Locale.ROOT)),
                    user == null ? null : new UserId(user), device == null ? null : new DeviceId(device),
                    successorExpiry == null ? null : successorExpiry.toInstant());
        });
    }

    @Override
    public Optional<SessionState> sessionState(UserId user, DeviceId device) {
        return transactions.anonymous(tx -> tx.fetchOptional("select * from auth.session_state(?, ?)", user.value(),
                device.value()).map(row -> new SessionState(row.get("user_status", String.class),
                Optional.ofNullable(row.get("device_owner", UUID.class)).map(UserId::new),
                Optional.ofNullable(row.get("device_revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant))));
    }

    @Override
    public AccountView account(UserId user) {
        return transactions.as(user, tx -> account(tx, user.value())
                .orElseThrow(() -> ApiProblem.notFound("No account " + user.value() + ".")));
    }

    /** An account with its active roles, as the transaction's user may see it (their own; any, for an administrator). */
    static Optional<AccountView> account(DSLContext tx, UUID user) {
        Optional<Record4<UUID, String, String, String>> row = tx.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.STATUS)
                .from(USERS).where(USERS.ID.eq(user)).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> roles = tx.select(ROLES.NAME).from(USER_ROLES).join(ROLES).on(ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USER_ROLES.USER_ID.eq(user), ROLES.IS_ACTIVE.isTrue(),
                        USER_ROLES.EXPIRES_AT.isNull().or(USER_ROLES.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .orderBy(ROLES.NAME).fetch(ROLES.NAME);
        return Optional.of(new AccountView(row.get().get(USERS.ID), row.get().get(USERS.EMAIL), row.get().get(USERS.NAME),
                roles, row.get().get(USERS.STATUS)));
    }

    @Override
    public List<DeviceView> devices(UserId user, DeviceId current) {
        return transactions.as(user, tx -> tx.selectFrom(DEVICES).where(DEVICES.USER_ID.eq(user.value()))
                .orderBy(DEVICES.REGISTERED_AT.desc(), DEVICES.ID)
                .fetch(row -> new DeviceView(row.getId(), row.getName(), row.getPlatform(), row.getAppVersion(),
                        row.getRegisteredAt(), row.getLastSeenAt(), row.getRevokedAt(), row.getId().equals(current.value()))));
    }

    @Override
    public boolean revokeDevice(UserId user, DeviceId device) {
        return transactions.as(user, tx -> tx.fetchSingle("select auth.revoke_device(?)", device.value()).get(0, Boolean.class));
    }

    @Override
    public void signOut(UserId user, DeviceId device) {
        transactions.as(user, tx -> tx.fetch("select auth.revoke_device_tokens(?)", device.value()));
    }
}
