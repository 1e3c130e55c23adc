package edu.sevenp.desktop.sync;

import java.time.Instant;

/**
 * Everything the UI shows about sync, at one moment (issue 9, "Status API"). Null fields are absent: no
 * account, no stage while idle, no progress, never synced, no error, no attempt planned.
 *
 * @param account the server and e-mail address the profile syncs with, or null when it is not signed in
 * @param connection whether the server answered the last time it was asked
 * @param activity what the engine is doing
 * @param stage the running stage while syncing
 * @param progress how far the running stage is
 * @param pendingChanges changes waiting to be sent
 * @param heldChanges changes of courses this server does not have (a course imported from a package): kept here
 * @param rejectedChanges changes the server refused for good, kept with their reasons
 * @param conflictCopies notes that lost a concurrent edit and were kept as copies
 * @param lastSuccess when the last full sync ended well
 * @param lastError the last failure in plain words, or after a success what kept media back (no room on the disk);
 *                  cleared by the next success without one
 * @param nextAttempt when the engine will try again on its own
 */
public record SyncStatus(Account account, Connection connection, Activity activity, SyncStage stage,
        SyncProgress progress, int pendingChanges, int heldChanges, int rejectedChanges, int conflictCopies,
        Instant lastSuccess, String lastError, Instant nextAttempt) {

    /** The server and account of a signed-in profile. */
    public record Account(String server, String email) {
    }

    public enum Connection {
        /** Not asked yet since the app started, or not signed in. */
        UNKNOWN,
        ONLINE,
        OFFLINE
    }

    public enum Activity {
        /** Nothing to do until the next timer, event or request. */
        IDLE,
        SYNCING,
        /** The last attempt failed in a way that may pass; another follows at {@code nextAttempt}. */
        WAITING_TO_RETRY,
        /** The learner must act (sign in again, update the app); nothing is tried until then. */
        NEEDS_ATTENTION,
        /** The profile has no server: it works offline only. */
        NOT_SIGNED_IN,
        STOPPED
    }

    public static SyncStatus notSignedIn(int pending) {
        return new SyncStatus(null, Connection.UNKNOWN, Activity.NOT_SIGNED_IN, null, null, pending, 0, 0, 0, null, null,
                null);
    }

    public boolean syncing() {
        return activity == Activity.SYNCING;
    }
}
