package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.RejectedChange;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.model.protocol.DeviceView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import edu.sevenp.model.sync.SyncEntity;

/**
 * The sync status in the learner's words: the indicator's line and tooltip, what waits ("2 notes, progress in 3
 * lessons"), and what to do about a refused change. Pure functions of the engine's records, so they are tested
 * without a window.
 */
public final class SyncTexts {

    /** How the indicator looks, apart from its words. */
    public enum Tone { OFF, OK, BUSY, WAITING, ATTENTION }

    private final ZoneId zone;
    private final DateTimeFormatter times;

    public SyncTexts(ZoneId zone, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Objects.requireNonNull(locale, "locale"));
    }

    /** The indicator's one line. */
    public String indicator(SyncStatus status) {
        switch (status.activity()) {
            case NOT_SIGNED_IN:
                return "Not signed in";
            case NEEDS_ATTENTION:
                return "Needs attention";
            case STOPPED:
                return "Sync stopped";
            case SYNCING:
                return syncing(status);
            case WAITING_TO_RETRY:
                return withWaiting(status.connection() == SyncStatus.Connection.ONLINE ? "Server busy, will retry" : "Offline",
                        status.pendingChanges());
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
        lines.add("Last synced: " + (status.lastSuccess() == null ? "never" : time(status.lastSuccess())));
        if (status.nextAttempt() != null) {
            lines.add("Next attempt: " + time(status.nextAttempt()));
        } else if (status.account() != null && status.activity() != SyncStatus.Activity.SYNCING) {
            lines.add("Next attempt: none planned");
        }
        if (status.lastError() != null) {
            lines.add(status.lastError());
        }
        lines.add("Sync details (Ctrl+Shift+S)");
        return String.join("\n", lines);
    }

    /** The panel's line about the account. */
    public String account(SyncStatus status) {
        if (status.account() == null) {
            // The state line above already says "Not signed in".
            return "This profile works offline on this computer. Sign in to keep it in step with your other computers.";
        }
        return "Signed in to " + status.account().server() + " as " + status.account().email() + ".";
    }

    /**
     * What signing out keeps, or with the profile's data removed, loses: the changes that are only on this computer
     * (waiting to be sent, or of courses the server does not have).
     */
    public String signOutLoss(SyncStatus status, boolean removeData) {
        if (!removeData) {
            return "Everything stays on this computer: your courses, notes and progress, and the changes not sent yet,"
                    + " which go when you sign in again.";
        }
        int unsent = status.pendingChanges() + status.heldChanges();
        String kept = "This profile, with its downloaded courses and videos, notes, bookmarks and progress, is removed"
                + " from this computer; what was synced stays in your account.";
        if (unsent == 0) {
            return kept + " Every change was sent: nothing is lost.";
        }
        return kept + " " + plural(unsent, "change is", "changes are") + " only on this computer and will be lost"
                + (status.pendingChanges() > 0 ? "; Sync now first to send what can be sent." : ".");
    }

    /** A device's second line on the account page: what it runs and when the server last heard from it. */
    public String device(DeviceView device) {
        List<String> parts = new ArrayList<>();
        if (device.platform() != null && !device.platform().isBlank()) {
            parts.add(device.platform());
        }
        if (device.appVersion() != null && !device.appVersion().isBlank()) {
            parts.add("app " + device.appVersion());
        }
        if (device.lastSeenAt() != null) {
            parts.add("last seen " + time(device.lastSeenAt().toInstant()));
        }
        return String.join(" · ", parts);
    }

    public String lastSync(SyncStatus status) {
        return status.lastSuccess() == null ? "Never synced." : "Last synced " + time(status.lastSuccess()) + ".";
    }

    /** What waits to be sent, in words; rows by kind as {@code SyncService.pendingByKind()} counts them. */
    public String pending(Map<SyncEntity, Integer> byKind) {
        String kinds = kinds(byKind);
        return kinds.isEmpty() ? "Nothing is waiting to be sent." : "Waiting to be sent: " + kinds + ".";
    }

    /** Changes of courses the server does not have, in words, or empty when there are none. */
    public String held(Map<SyncEntity, Integer> byKind) {
        String kinds = kinds(byKind);
        return kinds.isEmpty() ? "" : "Kept on this computer: " + kinds + ". Their course is not on this server (a course"
                + " imported from a file, or one not synced yet); they are never lost and go when the course does.";
    }

    public String conflictCopies(int copies) {
        if (copies == 0) {
            return "";
        }
        return (copies == 1 ? "1 note was" : copies + " notes were") + " edited on two computers at once; both texts are"
                + " kept (the other one as a conflict copy in Notes).";
    }

    /** "2 notes, progress in 3 lessons": kinds in a fixed order, empty when there is nothing. */
    public static String kinds(Map<SyncEntity, Integer> byKind) {
        List<String> parts = new ArrayList<>();
        for (SyncEntity entity : SyncEntity.values()) {
            int count = byKind.getOrDefault(entity, 0);
            if (count > 0) {
                parts.add(count(entity, count));
            }
        }
        return String.join(", ", parts);
    }

    private static String count(SyncEntity entity, int n) {
        switch (entity) {
            case USER_NOTES:
                return plural(n, "note", "notes");
            case USER_BOOKMARKS:
                return plural(n, "bookmark", "bookmarks");
            case LESSON_PROGRESS:
                return "progress in " + plural(n, "lesson", "lessons");
            case ENROLLMENTS:
                return plural(n, "enrollment", "enrollments");
            case COURSE_COMPLETIONS:
                return plural(n, "course review", "course reviews");
            case QUIZ_ATTEMPTS:
            default:
                return plural(n, "quiz attempt", "quiz attempts");
        }
    }

    /** A refused change's kind, as the start of a sentence. */
    public static String what(RejectedChange change) {
        switch (change.entity()) {
            case USER_NOTES:
                return "A note";
            case USER_BOOKMARKS:
                return "A bookmark";
            case LESSON_PROGRESS:
                return "Progress in a lesson";
            case ENROLLMENTS:
                return "An enrollment";
            case COURSE_COMPLETIONS:
                return "A course review";
            case QUIZ_ATTEMPTS:
            default:
                return "A quiz attempt";
        }
    }

    /** What the learner can do about a refused change (docs/sync-protocol.md, section 7). */
    public static String advice(String code) {
        switch (code) {
            case "not_entitled":
                return "The course is not open to your account now. Enroll again (or buy it), then make the change again.";
            case "not_found":
                return "Its lesson, quiz or course was removed from the server. Nothing to do: the change is out of date.";
            case "validation_failed":
                return "A value was not accepted. Edit it and save again.";
            case "user_mismatch":
                return "It was made by another learner. Sign in as that learner to send it.";
            case "attempt_limit":
                return "The quiz allows no more attempts, so this one cannot count.";
            case "time_limit_exceeded":
                return "It was finished after the time limit, so it cannot count.";
            case "quiz_inactive":
                return "The quiz no longer takes attempts, so this one cannot count.";
            case "completion_missing":
                return "Finish the course first, then review it again.";
            case "unsupported_change":
                return "This app is older than the server. Update the app.";
            default:
                return "The server did not accept it. It stays here; ask your administrator if you need it.";
        }
    }

    private String syncing(SyncStatus status) {
        if (status.stage() == null) {
            return "Syncing…";
        }
        String progress = progress(status.progress());
        return "Syncing… (" + status.stage().label() + (progress.isEmpty() ? "" : ", " + progress) + ")";
    }

    private static String progress(SyncProgress progress) {
        if (progress == null) {
            return "";
        }
        switch (progress.unit()) {
            case BYTES:
                String bytes = megabytes(progress.done()) + (progress.total() > 0 ? " of " + megabytes(progress.total()) : "");
                return progress.filesTotal() > 0 ? bytes + ", file " + Math.min(progress.filesDone() + 1, progress.filesTotal())
                        + " of " + progress.filesTotal() : bytes;
            case ROWS:
                return progress.total() > 0 ? progress.done() + " of " + progress.total() + " rows" : progress.done() + " rows";
            case CHANGES:
            default:
                return progress.total() > 0 ? progress.done() + " of " + progress.total() + " changes"
                        : plural((int) progress.done(), "change", "changes");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String idle(SyncStatus status) {
        if (status.pendingChanges() > 0) {
            return plural(status.pendingChanges(), "change", "changes") + " waiting";
        }
        if (status.connection() != SyncStatus.Connection.ONLINE) {
            // Signed in, but not synced since the app started: "up to date" would be a guess.
            return "Waiting to sync";
        }
        return status.rejectedChanges() > 0 ? "Up to date · " + plural(status.rejectedChanges(), "change", "changes")
                + " refused" : "Up to date";
    }

    private static String withWaiting(String state, int pending) {
        return pending > 0 ? state + " · " + plural(pending, "change", "changes") + " waiting" : state;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private String time(Instant instant) {
        return times.format(instant.atZone(zone));
    }
}
