package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.RejectedChange;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.desktop.ui.common.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import edu.sevenp.model.sync.SyncEntity;

/**
 * The sync status in the learner's words: the indicator's line and tooltip, what waits ("2 notes, progress in 3
 * lessons"), and what to do about a refused change. Pure functions of the engine's records, so they are tested
 * without a window; the words come from this package's {@code messages} bundle in the locale given.
 */
public final class SyncTexts {

    /** How the indicator looks, apart from its words. */
    public enum Tone { OFF, OK, BUSY, WAITING, ATTENTION }

    /** Refusal codes with advice of their own (docs/sync-protocol.md, section 7); others get {@code advice.other}. */
    private static final Set<String> ADVISED = Set.of("not_entitled", "not_found", "validation_failed", "user_mismatch",
            "attempt_limit", "time_limit_exceeded", "quiz_inactive", "completion_missing", "unsupported_change");

    private final ZoneId zone;
    private final DateTimeFormatter times;
    private final Messages messages;

    public SyncTexts(ZoneId zone, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Objects.requireNonNull(locale, "locale"));
        this.messages = Messages.forPackage(SyncTexts.class.getPackageName(), locale);
    }

    /** The indicator's one line. */
    public String indicator(SyncStatus status) {
        switch (status.activity()) {
            case NOT_SIGNED_IN:
                return messages.get("indicator.notSignedIn");
            case NEEDS_ATTENTION:
                return messages.get("indicator.needsAttention");
            case STOPPED:
                return messages.get("indicator.stopped");
            case SYNCING:
                return syncing(status);
            case WAITING_TO_RETRY:
                return withWaiting(messages.get(status.connection() == SyncStatus.Connection.ONLINE ? "indicator.serverBusy"
                        : "indicator.offline"), status.pendingChanges());
            case IDLE:
            default:
                return idle(status);
        }
    }

    public Tone tone(SyncStatus status) {
        switch (status.activity()) {
            case NOT_SIGNED_IN:
            case STOPPED:
                return Tone.OFF;
            case NEEDS_ATTENTION:
                return Tone.ATTENTION;
            case SYNCING:
                return Tone.BUSY;
            case WAITING_TO_RETRY:
                return Tone.WAITING;
            case IDLE:
            default:
                if (status.rejectedChanges() > 0) {
                    return Tone.ATTENTION;
                }
                return status.pendingChanges() > 0 || status.connection() != SyncStatus.Connection.ONLINE ? Tone.WAITING
                        : Tone.OK;
        }
    }

    /** The indicator's tooltip: when it last worked, when it tries next, and what went wrong in words. */
    public String tooltip(SyncStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.format("tooltip.lastSynced",
                status.lastSuccess() == null ? messages.get("tooltip.never") : time(status.lastSuccess())));
        if (status.nextAttempt() != null) {
            lines.add(messages.format("tooltip.nextAttempt", time(status.nextAttempt())));
        } else if (status.account() != null && status.activity() != SyncStatus.Activity.SYNCING) {
            lines.add(messages.get("tooltip.noAttempt"));
        }
        if (status.lastError() != null) {
            lines.add(status.lastError());
        }
        lines.add(messages.get("tooltip.details"));
        return String.join("\n", lines);
    }

    /** The indicator button's words: the line behind the sync glyph. */
    public String button(String indicator) {
        return messages.format("indicator.button", indicator);
    }

    /** What a screen reader says of the indicator. */
    public String accessible(String indicator) {
        return messages.format("indicator.accessible", indicator);
    }

    /** The panel's line about the account. */
    public String account(SyncStatus status) {
        if (status.account() == null) {
            // The state line above already says "Not signed in".
            return messages.get("account.offline");
        }
        return messages.format("account.signedIn", status.account().server(), status.account().email());
    }

    /**
     * What signing out keeps, or with the profile's data removed, loses: the changes that are only on this computer
     * (waiting to be sent, or of courses the server does not have).
     */
    public String signOutLoss(SyncStatus status, boolean removeData) {
        if (!removeData) {
            return messages.get("signOut.keep");
        }
        int unsent = status.pendingChanges() + status.heldChanges();
        String lost = unsent == 0 ? messages.get("signOut.nothingLost")
                : messages.format(status.pendingChanges() > 0 ? "signOut.lostSyncFirst" : "signOut.lost", unsent);
        return messages.get("signOut.remove") + " " + lost;
    }

    /** A device's second line on the account page: what it runs and when the server last heard from it. */
    public String device(DeviceView device) {
        List<String> parts = new ArrayList<>();
        if (device.platform() != null && !device.platform().isBlank()) {
            parts.add(device.platform());
        }
        if (device.appVersion() != null && !device.appVersion().isBlank()) {
            parts.add(messages.format("device.app", device.appVersion()));
        }
        if (device.lastSeenAt() != null) {
            parts.add(messages.format("device.lastSeen", time(device.lastSeenAt().toInstant())));
        }
        return String.join(messages.get("device.separator"), parts);
    }

    public String lastSync(SyncStatus status) {
        return status.lastSuccess() == null ? messages.get("lastSync.never")
                : messages.format("lastSync.at", time(status.lastSuccess()));
    }

    /** What waits to be sent, in words; rows by kind as {@code SyncService.pendingByKind()} counts them. */
    public String pending(Map<SyncEntity, Integer> byKind) {
        String kinds = kinds(byKind);
        return kinds.isEmpty() ? messages.get("pending.nothing") : messages.format("pending.some", kinds);
    }

    /** Changes of courses the server does not have, in words, or empty when there are none. */
    public String held(Map<SyncEntity, Integer> byKind) {
        String kinds = kinds(byKind);
        return kinds.isEmpty() ? "" : messages.format("held.some", kinds);
    }

    public String conflictCopies(int copies) {
        return copies == 0 ? "" : messages.format("conflicts.copies", copies);
    }

    /** "2 notes, progress in 3 lessons": kinds in a fixed order, empty when there is nothing. */
    public String kinds(Map<SyncEntity, Integer> byKind) {
        List<String> parts = new ArrayList<>();
        for (SyncEntity entity : SyncEntity.values()) {
            int count = byKind.getOrDefault(entity, 0);
            if (count > 0) {
                parts.add(messages.format("kind." + entity.name(), count));
            }
        }
        return String.join(messages.get("kinds.separator"), parts);
    }

    /** A refused change's kind, as the start of a sentence. */
    public String what(RejectedChange change) {
        return messages.get("what." + change.entity().name());
    }

    /**
     * A refused change in the panel: why, and its code. A code this app knows says why in the learner's language (the
     * server writes its reasons in English); another one shows the server's words, said to be the server's.
     */
    public RejectedItem rejected(RejectedChange change) {
        String why = ADVISED.contains(change.code()) ? messages.get("reason." + change.code())
                : messages.format("reason.server", change.message());
        return new RejectedItem(what(change), messages.format("rejected.reason", why, change.code()),
                advice(change.code()));
    }

    /** "A note: the server's reason (its code)", the first line of a refused change in the panel. */
    public String rejectedLine(RejectedItem item) {
        return messages.format("rejected.line", item.what(), item.reason());
    }

    /** What the learner can do about a refused change (docs/sync-protocol.md, section 7). */
    public String advice(String code) {
        return messages.get("advice." + (ADVISED.contains(code) ? code : "other"));
    }

    /** The words of this package (the panel's and the sign-in dialog's). */
    Messages messages() {
        return messages;
    }

    private String syncing(SyncStatus status) {
        if (status.stage() == null) {
            return messages.get("indicator.syncing");
        }
        String stage = messages.get("stage." + status.stage().name());
        String progress = progress(status.progress());
        return progress.isEmpty() ? messages.format("indicator.syncingStage", stage)
                : messages.format("indicator.syncingStageProgress", stage, progress);
    }

    private String progress(SyncProgress progress) {
        if (progress == null) {
            return "";
        }
        switch (progress.unit()) {
            case BYTES:
                String bytes = progress.total() > 0
                        ? messages.format("progress.bytesOf", megabytes(progress.done()), megabytes(progress.total()))
                        : megabytes(progress.done());
                return progress.filesTotal() > 0 ? messages.format("progress.bytesFile", bytes,
                        Math.min(progress.filesDone() + 1, progress.filesTotal()), progress.filesTotal()) : bytes;
            case ROWS:
                return progress.total() > 0 ? messages.format("progress.rowsOf", progress.done(), progress.total())
                        : messages.format("progress.rows", progress.done());
            case CHANGES:
            default:
                return progress.total() > 0 ? messages.format("progress.changesOf", progress.done(), progress.total())
                        : messages.format("progress.changes", progress.done());
        }
    }

    private String megabytes(long bytes) {
        return messages.format("progress.megabytes", bytes / 1_000_000.0);
    }

    private String idle(SyncStatus status) {
        if (status.pendingChanges() > 0) {
            return messages.format("indicator.changesWaiting", status.pendingChanges());
        }
        if (status.connection() != SyncStatus.Connection.ONLINE) {
            // Signed in, but not synced since the app started: "up to date" would be a guess.
            return messages.get("indicator.waitingToSync");
        }
        return status.rejectedChanges() > 0 ? messages.format("indicator.upToDateRefused", status.rejectedChanges())
                : messages.get("indicator.upToDate");
    }

    private String withWaiting(String state, int pending) {
        return pending > 0 ? messages.format("indicator.withWaiting", state, pending) : state;
    }

    private String time(Instant instant) {
        return times.format(instant.atZone(zone));
    }
}
