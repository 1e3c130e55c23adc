package edu.sevenp.server.auth;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.DeviceView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What signing in needs of the database (implemented in server.db over the auth schema's functions). */
public interface AccountStore {

    /** Makes an account; throws {@code ApiProblem} {@code email_taken} for an address that has one. */
    UserId register(String email, String name, String passwordHash);

    /** The account an address signs in to, and whether {@code device} is one of its unrevoked devices. */
    Optional<LoginCandidate> loginCandidate(String email, DeviceId device);

    record LoginCandidate(UserId user, String passwordHash, String status, boolean knownDevice) {
        @Override
        public String toString() {
            return "LoginCandidate[user=" + user + ", status=" + status + ", knownDevice=" + knownDevice + "]";
        }
    }

    /** Seconds until the most distant block among {@code keys} ends; 0 when none is blocked. */
    int waitSeconds(List<String> keys);

    void noteFailure(String key, ThrottleRule rule);

    void clearFailures(List<String> keys);

    /** Registers or updates the device on a successful sign-in. */
    LoginOutcome recordLogin(UserId user, DeviceInfo device);

    enum LoginOutcome { OK, DEVICE_TAKEN, DEVICE_REVOKED }

    void storeRefreshToken(UserId user, DeviceId device, byte[] tokenHash, Instant expiresAt);

    Rotation rotateRefreshToken(byte[] oldHash, byte[] newHash, Instant expiresAt);

    /** @param expiresAt the successor's expiry, when the outcome is {@code OK} or {@code REPEATED} */
    record Rotation(RotationOutcome outcome, UserId user, DeviceId device, Instant expiresAt) {
    }

    /** {@code REPEATED}: the token was just rotated into this very successor, which is still unused (a lost answer). */
    enum RotationOutcome { OK, REPEATED, INVALID, REUSED, DEVICE_REVOKED, SUSPENDED }

    /** The account's status and the device's owner and revocation, checked on every signed-in request. */
    Optional<SessionState> sessionState(UserId user, DeviceId device);

    record SessionState(String userStatus, Optional<UserId> deviceOwner, Optional<Instant> deviceRevokedAt) {
    }

    AccountView account(UserId user);

    List<DeviceView> devices(UserId user, DeviceId current);

    /** Revokes one of the user's devices and its refresh tokens; false when the user has no such device. */
    boolean revokeDevice(UserId user, DeviceId device);

    /** Revokes the refresh tokens of the user's device (sign-out). */
    void signOut(UserId user, DeviceId device);
}
