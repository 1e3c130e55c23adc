package edu.sevenp.desktop;

import com.fasterxml.jackson.annotation.JsonInclude;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.SyncSummary;

/**
 * What {@code --sync --json} prints: one object, its fields documented in docs/operations.md. A field that
 * does not apply is left out (a failed sync has no summary; a profile that could not be opened has no counts).
 *
 * @param result {@code synced}, {@code not_signed_in} or {@code failed}
 * @param exitCode the process's exit code, repeated for logs that keep only the output
 * @param error what kind of failure: the engine's ({@code unreachable}, {@code device_revoked}, …) or the exit
 *        code's name ({@code profile_in_use}, {@code failure})
 * @param message the failure in words a person can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SyncReport(String result, int exitCode, String server, String email,
        Integer pushed, Integer rejected, Integer held, Integer pulledRows, Integer deletedRows, Integer parkedRows,
        Integer revokedCourses, Integer mediaFiles, Long mediaBytes, Integer mediaFailed, String mediaProblem,
        Long clockOffsetMillis, Long elapsedMillis,
        Long sentBytes, Long receivedBytes,
        Integer pendingChanges, Integer heldChanges, Integer rejectedChanges, Integer conflictCopies,
        String error, String message) {

    static SyncReport synced(SyncStatus.Account account, SyncSummary summary, SyncStatus after) {
        return new SyncReport("synced", ExitCode.OK.code(), account.server(), account.email(), summary.pushed(),
                summary.rejected(), summary.held(), summary.pulledRows(), summary.deletedRows(), summary.parkedRows(),
                summary.revokedCourses(), summary.mediaFiles(), summary.mediaBytes(), summary.mediaFailed(),
                summary.mediaProblem(), summary.clockOffset().toMillis(),
                summary.elapsed().toMillis(), summary.sentBytes(), summary.receivedBytes(), after.pendingChanges(),
                after.heldChanges(), after.rejectedChanges(), after.conflictCopies(), null, null);
    }

    /** @param status the counts when the profile could be opened, else null */
    static SyncReport failed(String result, ExitCode code, String error, String message, SyncStatus status) {
        SyncStatus.Account account = status == null ? null : status.account();
        return new SyncReport(result, code.code(), account == null ? null : account.server(),
                account == null ? null : account.email(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, status == null ? null : status.pendingChanges(),
                status == null ? null : status.heldChanges(), status == null ? null : status.rejectedChanges(),
                status == null ? null : status.conflictCopies(), error, message);
    }
}
